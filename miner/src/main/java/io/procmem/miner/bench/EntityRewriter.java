package io.procmem.miner.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives one synthetic session fresh entity values: every user id, reservation id, flight number and payment method
 * id of the airline domain is replaced by a new value of the same form, the same old value always by the same new
 * one within the session. Arguments and results go through the same rewriter, so a value a step reads from an
 * earlier result still flows from it, as in the recorded episode.
 *
 * <p>Known limit: ids are recognised by their form (e.g. six upper-case letters and digits with at least one of
 * each for a reservation), so an id of another form keeps its recorded value, and a word of that form would change.
 */
final class EntityRewriter {
    // Alternatives are tried in order at each position: payment ids first, as they also look like user ids.
    private static final Pattern ENTITY = Pattern.compile(
            "\\b(?<payment>(?:credit_card|gift_card|certificate)_\\d+)\\b"
                    + "|\\b(?<user>[a-z]+_[a-z]+_\\d+)\\b"
                    + "|\\b(?<flight>HAT\\d{3})\\b"
                    + "|\\b(?<reservation>(?=[A-Z0-9]{6}\\b)(?=[A-Z]*\\d)(?=\\d*[A-Z])[A-Z0-9]{6})\\b");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random;
    private final Map<String, String> replacements = new HashMap<>();

    EntityRewriter(Random random) {
        this.random = random;
    }

    /** The text with every recognised entity replaced consistently with earlier calls on this rewriter. */
    String rewrite(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement = replacements.computeIfAbsent(matcher.group(), old -> fresh(matcher));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String fresh(Matcher match) {
        String old = match.group();
        if (match.group("payment") != null || match.group("user") != null) {
            String prefix = old.substring(0, old.lastIndexOf('_') + 1);
            return prefix + (1000 + random.nextInt(9_000_000));
        }
        if (match.group("flight") != null) {
            return String.format("HAT%03d", random.nextInt(1000));
        }
        StringBuilder id = new StringBuilder(6);
        id.append((char) ('A' + random.nextInt(26)));
        id.append((char) ('0' + random.nextInt(10)));
        for (int i = 2; i < 6; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
