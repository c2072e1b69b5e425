package io.procmem.deploy.cli;

import io.procmem.avro.CompiledProcedure;
import io.procmem.deploy.demo.ProcedureTable;
import io.procmem.executor.store.ProcedureIndex;
import io.procmem.executor.store.ProcedureStoreConsumer;
import io.procmem.schemas.Topics;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.deploy.stack.StackConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem procedures}: prints the compiled procedures (latest version of each) as a table. */
@Command(name = "procedures", mixinStandardHelpOptions = true,
        description = "Print the compiled procedures (latest version of each), most supported first.")
final class ProceduresCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "25", description = "Rows to print (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--details", description = "Also print each procedure's steps, bindings and reviews.")
    boolean details;

    @Override
    public Integer call() throws Exception {
        Collection<CompiledProcedure> procedures = read(ConfigOptions.resolve(spec, parent.env()));
        System.out.print(ProcedureTable.render(procedures, limit, details));
        return 0;
    }

    /** Reads the whole procedures topic (no consumer group) and returns the latest version of each procedure. */
    static Collection<CompiledProcedure> read(StackConfig stack) throws InterruptedException {
        ProcedureIndex index = new ProcedureIndex();
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.bootstrapServers(),
                "client.id", "procmem-cli-procedures");
        try (ProcedureStoreConsumer consumer = new ProcedureStoreConsumer(Topics.PROCEDURES, kafka,
                AvroSerde.forValues(CompiledProcedure.class, stack.registryClientUrl()).deserializer(), index)) {
            consumer.start();
            if (!consumer.awaitCaughtUp(Duration.ofSeconds(30))) {
                throw new IllegalStateException("could not read " + Topics.PROCEDURES + " from "
                        + stack.bootstrapServers() + " within 30 s" + consumer.failure().map(f -> ": " + f).orElse(""));
            }
        }
        return index.all();
    }
}
