package io.procmem.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldNotTrustALiveProcessThatIsNotTheService() {
        PidFiles pidFiles = new PidFiles(dir);
        // This test JVM is alive but carries no procmem service marker, like a pid reused after a reboot.
        pidFiles.write("broker", ProcessHandle.current().pid());

        assertThat(pidFiles.running("broker")).isEmpty();
        assertThat(dir.resolve("broker.pid")).doesNotExist();
    }

    @Test
    void shouldRemoveAnUnreadablePidFile() throws Exception {
        Files.writeString(dir.resolve("broker.pid"), "not a pid");

        assertThat(new PidFiles(dir).running("broker")).isEmpty();
        assertThat(dir.resolve("broker.pid")).doesNotExist();
    }

    @Test
    void shouldReportNothingWhenThereIsNoPidFile() {
        assertThat(new PidFiles(dir.resolve("absent")).running("broker")).isEmpty();
    }
}
