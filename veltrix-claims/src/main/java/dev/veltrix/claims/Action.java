package dev.veltrix.claims;

/** What a player tries to do at a place, and the trust it needs in a claim there. */
public enum Action {
    /** Use doors, buttons, beds. */
    INTERACT(Trust.ACCESS),
    /** Open chests, furnaces, item frames. */
    CONTAINER(Trust.CONTAINER),
    /** Place or break blocks. */
    BUILD(Trust.BUILD),
    /** Change the claim's trust, flags or subdivisions. */
    MANAGE(Trust.MANAGE);

    private final Trust needs;

    Action(Trust needs) {
        this.needs = needs;
    }

    public Trust needs() {
        return needs;
    }
}
