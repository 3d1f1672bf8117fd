package dev.veltrix.server.auth;

/**
 * A console administrator. {@code mustChangePassword} is set for a generated password. An admin with a {@code brand}
 * (role {@code brand}) works on that brand only; one without works on the whole console.
 */
public record Admin(String id, String username, String role, boolean mustChangePassword, String brand) {
    public static final String OWNER = "owner";
    public static final String BRAND = "brand";

    public Admin(String id, String username, String role, boolean mustChangePassword) {
        this(id, username, role, mustChangePassword, null);
    }

    /** Whether this admin may edit {@code brandId}: every admin of the whole console, or the admin of that brand. */
    public boolean mayEditBrand(String brandId) {
        return brand == null || brand.equals(brandId);
    }
}
