package io.procmem.executor.runner;

/** Told about every finished request. Called on the request's thread, so it must be quick and must not throw. */
@FunctionalInterface
public interface RunListener {
    void onRun(RunRecord record);
}
