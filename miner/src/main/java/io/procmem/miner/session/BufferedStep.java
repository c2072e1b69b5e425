package io.procmem.miner.session;

/**
 * One tool call as the miner keeps it: what abstraction and binding inference need. Part of the
 * {@code session-buffers} store value (JSON), so its components are its stored form.
 *
 * @param index         0-based position in the session
 * @param argumentsJson the arguments, a JSON object text (validated on the way in)
 * @param resultJson    the tool's result as JSON text (validated on the way in), or null when the agent sent none;
 *                      later steps' argument values are looked up in it
 * @param ok            false when the call failed; a failed call breaks every sequence across it
 */
public record BufferedStep(int index, String tool, String argumentsJson, String resultJson, boolean ok) {
}
