package io.procmem.eval.metrics;

/**
 * One false takeover, kept as an example: where, by which procedure, and what differed (tools and argument keys,
 * never values).
 *
 * @param step the agent's step the wrong call was compared with
 */
public record FalseTakeover(String sessionId, int step, String procedureId, String procedureName, String reason,
                            String detail) {
}
