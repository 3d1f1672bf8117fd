package dev.veltrix.claims;

/** What a trusted subject may do in a claim; each level includes the ones before it. */
public enum Trust {
    ACCESS, CONTAINER, BUILD, MANAGE;

    public boolean covers(Trust needed) {
        return compareTo(needed) >= 0;
    }
}
