package io.parley.logic.mention;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mentions a text makes: {@code @all}, and {@code @<userId>} for each user id, a token that
 * starts the text or follows whitespace and ends at whitespace, punctuation or the end.
 *
 * @param all   {@code @all} was written
 * @param users the user ids named, ascending
 */
public record MentionTokens(boolean all, Set<Long> users) {
    private static final Pattern TOKEN = Pattern.compile("(?<![^\\s])@(all|\\d{1,19})(?![\\w@])");

    public MentionTokens {
        users = Set.copyOf(users);
    }

    public static MentionTokens in(String text) {
        boolean all = false;
        Set<Long> users = new TreeSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("all")) {
                all = true;
            } else {
                try {
                    users.add(Long.parseLong(m.group(1)));
                } catch (NumberFormatException ignored) {
                    // longer than a user id can be: not a mention
                }
            }
        }
        return new MentionTokens(all, users);
    }

    public boolean isEmpty() {
        return !all && users.isEmpty();
    }
}
