package io.procmem.miner.bench;

import io.procmem.avro.AgentEvent;
import java.time.Instant;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A bounded, reproducible stream of synthetic sessions: each one a re-sample of a randomly drawn episode, run by one
 * of {@code agents} agents, with fresh entity values. Sessions are made on demand, so a large run does not hold its
 * events in memory. Remembers which episodes it drew, since those decide which patterns the input holds.
 */
final class SessionStream implements Iterator<List<AgentEvent>> {
    private final List<Episode> episodes;
    private final String prefix;
    private final int sessions;
    private final int agents;
    private final Random random;
    private final SessionSynthesizer synthesizer;
    private final BitSet drawn;
    private final Instant start;
    private int made;

    SessionStream(List<Episode> episodes, String prefix, int sessions, int agents, long seed) {
        this(episodes, prefix, sessions, agents, seed, Instant.now());
    }

    /** @param start when the first session starts; each next one starts a second later */
    SessionStream(List<Episode> episodes, String prefix, int sessions, int agents, long seed, Instant start) {
        this.start = start;
        this.episodes = episodes;
        this.prefix = prefix;
        this.sessions = sessions;
        this.agents = agents;
        this.random = new Random(seed);
        this.synthesizer = new SessionSynthesizer("bench", random);
        this.drawn = new BitSet(episodes.size());
    }

    @Override
    public boolean hasNext() {
        return made < sessions;
    }

    @Override
    public List<AgentEvent> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int pick = random.nextInt(episodes.size());
        drawn.set(pick);
        String agent = "agent-" + random.nextInt(agents);
        List<AgentEvent> events = synthesizer.session(episodes.get(pick), prefix + "-s" + made, agent,
                start.plusSeconds(made));
        made++;
        return events;
    }

    /** When a session following the last one of this stream would start. */
    Instant end() {
        return start.plusSeconds(sessions);
    }

    /** The episodes drawn so far. */
    List<Episode> drawn() {
        return drawn.stream().mapToObj(episodes::get).toList();
    }
}
