package com.solanamafia.api.business;

/**
 * The six business types, in IDL order (the on-chain u8 is the ordinal). Events keep the raw u8 because the
 * chain can carry values outside 0..5 (test vectors do); {@link #fromCode} then returns null.
 */
public enum BusinessType {
    TOBACCO_SHOP("TobaccoShop"),
    FUNERAL_SERVICE("FuneralService"),
    CAR_WORKSHOP("CarWorkshop"),
    ITALIAN_RESTAURANT("ItalianRestaurant"),
    GENTLEMEN_CLUB("GentlemenClub"),
    CHARITY_FUND("CharityFund");

    private final String idlName;

    BusinessType(String idlName) {
        this.idlName = idlName;
    }

    /** The variant name as spelled in the IDL, e.g. {@code TobaccoShop}. */
    public String idlName() {
        return idlName;
    }

    public int code() {
        return ordinal();
    }

    /** The type for an on-chain u8, or null when the code is not one of the six. */
    public static BusinessType fromCode(int code) {
        BusinessType[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
