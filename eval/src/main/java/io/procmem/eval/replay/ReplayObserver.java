package io.procmem.eval.replay;

/** Told what the replay finds, in order: each question put to the executor, then the end of each tested episode. */
public interface ReplayObserver {

    /** The executor was asked at {@code takeover.at()} of {@code episode}; called for every question, matches or not. */
    default void takeover(Episode episode, Takeover takeover) {
    }

    /** Under a shadow gate, a procedure not yet served was run alongside the agent at {@code takeover.at()}. */
    default void shadow(Episode episode, Takeover takeover) {
    }

    /** Every question about {@code episode} has been asked (and, when learning, it has not been learned from yet). */
    default void episodeTested(Episode episode) {
    }
}
