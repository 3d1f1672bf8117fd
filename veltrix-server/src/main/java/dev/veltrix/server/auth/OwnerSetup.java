package dev.veltrix.server.auth;

import java.io.PrintStream;
import java.util.Optional;

/**
 * On the first start there is no admin yet: create the owner with a generated password and print
 * it once. The password works for one sign-in, after which the console asks for a new one.
 */
public final class OwnerSetup {
    private OwnerSetup() {
    }

    /** The generated password, when this start created the owner. */
    public static Optional<String> ensureOwner(AdminStore admins, PrintStream console, String consoleUrl) {
        if (!admins.isEmpty()) {
            return Optional.empty();
        }
        String password = Secrets.token(18);
        admins.create(Admin.OWNER, password, Admin.OWNER, true);
        console.println();
        console.println("  Veltrix is set up. Sign in to the console at " + consoleUrl);
        console.println("    username: " + Admin.OWNER);
        console.println("    password: " + password + "   (shown once; you will choose your own at first sign-in)");
        console.println();
        console.flush();
        return Optional.of(password);
    }
}
