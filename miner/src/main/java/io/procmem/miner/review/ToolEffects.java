package io.procmem.miner.review;

import io.procmem.avro.SideEffect;
import java.util.List;
import java.util.Set;

/**
 * Classifies tools as READ or WRITE: a tool listed as read is READ; a tool listed as write, or whose name starts
 * with one of the write prefixes, is WRITE; any other tool is READ. Names are matched exactly (case-sensitive).
 *
 * <p>Known limit: the default prefixes are a guess from common tool naming; a write tool named otherwise (say
 * {@code reserve_seat}) is READ unless listed in {@code miner.tools.write}.
 */
public record ToolEffects(Set<String> write, Set<String> read, List<String> writePrefixes) {
    /** Default {@code miner.tools.write.prefixes}. */
    public static final List<String> DEFAULT_WRITE_PREFIXES = List.of("book_", "cancel_", "update_", "send_",
            "create_", "delete_", "transfer_", "refund_", "pay_", "modify_", "set_");

    public ToolEffects {
        write = Set.copyOf(write);
        read = Set.copyOf(read);
        writePrefixes = List.copyOf(writePrefixes);
    }

    public static ToolEffects defaults() {
        return new ToolEffects(Set.of(), Set.of(), DEFAULT_WRITE_PREFIXES);
    }

    public SideEffect of(String tool) {
        if (read.contains(tool)) {
            return SideEffect.READ;
        }
        boolean writes = write.contains(tool) || writePrefixes.stream().anyMatch(tool::startsWith);
        return writes ? SideEffect.WRITE : SideEffect.READ;
    }
}
