package io.procmem.eval.replay;

import io.procmem.miner.config.MinerConfig;
import java.time.Clock;
import java.util.List;

/**
 * Replays recorded episodes through the miner's core and the executor, without a broker, to measure what served
 * procedures would have changed.
 *
 * <p><b>Testing an episode.</b> With the agent's steps {@code 0..i-1} known with their results, the executor is asked
 * (continuation mode) whether it would take over, for i from 1 up to and including the episode's length (asking
 * after the last step finds procedures that would go on where the agent stopped). Its calls are compared with the
 * agent's next steps by a {@link RecordReplayGateway}: a call matching the agent's step (same tool, same canonical
 * arguments) is a correct served call and is answered with the recorded result; the first call that does not match
 * makes the takeover false, for one of the reasons in {@link ReplayedCall.Kind}, and ends the run; a run that
 * escalates before any call changes nothing and is neutral. The next question is asked where the agent would ask
 * again: after a completed run, at the step after its calls; otherwise after the step the agent decided itself.
 *
 * <p><b>Prequential</b> ({@link #prequential}): episodes in file order, each tested with what was learned from the
 * episodes before it, then learned from. <b>Split</b> ({@link #train} then {@link #test}): learn from one set, test
 * on another with learning off.
 *
 * <p><b>Serving.</b> The {@link ServingPolicy} admits compiled procedures by status and support; under a shadow gate
 * ({@link ShadowGate}) an admitted procedure is first run alongside the agent, where no served procedure takes over,
 * and is served once its record earns it. Shadow runs are reported apart and never count as served.
 *
 * <p>Known limits: an agent reply to the user is seen only through the user message after it (see {@link Episodes});
 * parallel calls of one assistant message count as separate decisions.
 */
public final class Replay {
    private final Learner learner;
    private final ShadowGate gate;
    private final Prober served;
    private final Prober shadow;
    private long ordinal;

    public Replay(MinerConfig miner, ServingPolicy policy, Clock clock) {
        this.gate = new ShadowGate(policy);
        this.learner = new Learner(miner, gate);
        this.served = new Prober(gate.served(), clock);
        this.shadow = new Prober(gate.shadow(), clock);
    }

    public Learner learner() {
        return learner;
    }

    /**
     * Learns from every episode, counting nothing. Under a shadow gate each episode is first replayed against the
     * procedures learned so far, so they earn their shadow records (and promotions) on the training set.
     */
    public void train(List<Episode> episodes) {
        ReplayObserver none = new ReplayObserver() { };
        for (Episode episode : episodes) {
            if (gate.gated()) {
                testOne(episode, none);
            }
            learner.learn(episode, ++ordinal);
        }
    }

    /** Tests every episode with what has been learned so far, learning nothing. */
    public void test(List<Episode> episodes, ReplayObserver observer) {
        episodes.forEach(episode -> testOne(episode, observer));
    }

    /** Tests each episode, then learns from it. */
    public void prequential(List<Episode> episodes, ReplayObserver observer) {
        for (Episode episode : episodes) {
            testOne(episode, observer);
            learner.learn(episode, ++ordinal);
        }
    }

    private void testOne(Episode episode, ReplayObserver observer) {
        int at = 1;
        while (at <= episode.steps().size()) {
            Takeover takeover = served.probe(episode, at);
            observer.takeover(episode, takeover);
            gate.record(takeover);
            if (takeover.verdict() == Takeover.Verdict.NO_MATCH && gate.gated()) {
                // Shadow runs change nothing for the agent: their record only decides promotions.
                Takeover alongside = shadow.probe(episode, at);
                observer.shadow(episode, alongside);
                gate.record(alongside);
            }
            at = takeover.nextAsk();
        }
        observer.episodeTested(episode);
    }
}
