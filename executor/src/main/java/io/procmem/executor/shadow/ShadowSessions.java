package io.procmem.executor.shadow;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions the shadow follower keeps state for, bounded two ways: at most {@code maxSessions} (the least
 * recently active is forgotten first) and none idle longer than {@code ttl}. A session that ends is forgotten at
 * once. Each session holds at most {@value ShadowSession#WINDOW} steps, so memory is bounded by
 * {@code maxSessions x WINDOW} steps. Not thread-safe: one follower thread owns it.
 */
final class ShadowSessions {
    private final int maxSessions;
    private final Duration ttl;
    /** In access order, so the eldest entry is the least recently active session. */
    private final LinkedHashMap<String, ShadowSession> sessions;

    ShadowSessions(int maxSessions, Duration ttl) {
        this.maxSessions = maxSessions;
        this.ttl = ttl;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ShadowSession> eldest) {
                return size() > ShadowSessions.this.maxSessions;
            }
        };
    }

    /** The session's state, touched at {@code now}; null when it is not held. */
    ShadowSession get(String sessionId, Instant now) {
        expire(now);
        ShadowSession session = sessions.get(sessionId);
        if (session != null) {
            session.lastSeen = now;
        }
        return session;
    }

    ShadowSession put(String sessionId, ShadowSession session) {
        expire(session.lastSeen);
        sessions.put(sessionId, session);
        return session;
    }

    ShadowSession remove(String sessionId) {
        return sessions.remove(sessionId);
    }

    int size() {
        return sessions.size();
    }

    /** Forgets idle sessions; the eldest come first, so it stops at the first one still active. */
    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        for (Iterator<ShadowSession> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!it.next().lastSeen.isBefore(cutoff)) {
                return;
            }
            it.remove();
        }
    }
}
