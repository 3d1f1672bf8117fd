package dev.veltrix.claims;

import java.util.UUID;
import java.util.regex.Pattern;

/** Who trust is granted to: {@code player:<uuid>}, {@code group:<name>} (a permission group), or {@code everyone}. */
public final class Subjects {
    public static final String EVERYONE = "everyone";
    private static final Pattern GROUP = Pattern.compile("group:[a-z0-9_.-]{1,48}");

    private Subjects() {
    }

    public static String player(UUID player) {
        return "player:" + player;
    }

    public static String group(String name) {
        return "group:" + name;
    }

    /** Why a text is not a subject, or null when it is one. */
    public static String problemWith(String subject) {
        if (subject == null) {
            return "a subject: player:<uuid>, group:<name> or everyone";
        }
        if (subject.equals(EVERYONE) || GROUP.matcher(subject).matches()) {
            return null;
        }
        if (subject.startsWith("player:")) {
            try {
                String uuid = subject.substring(7);
                if (uuid.length() == 36 && UUID.fromString(uuid).toString().equals(uuid)) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return "a subject is player:<uuid> (lower-case), group:<name> (a-z 0-9 _ . -) or everyone; got " + subject;
    }
}
