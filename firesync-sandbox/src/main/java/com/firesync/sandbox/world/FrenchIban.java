package com.firesync.sandbox.world;

/**
 * A French IBAN (ISO 13616): {@code FR}, two check digits (mod 97), then the RIB: bank code (5 digits), branch code (5),
 * account number (11) and RIB key (2).
 */
final class FrenchIban {

    private FrenchIban() {
    }

    /**
     * @param bank the 5-digit bank code
     * @param branch the 5-digit branch code
     * @param account the 11-digit account number
     */
    static String of(String bank, String branch, String account) {
        String bban = bank + branch + account + String.format("%02d", ribKey(bank, branch, account));
        return "FR" + String.format("%02d", 98 - mod97(bban + "FR00")) + bban;
    }

    /** The French national check digits, for an all-digit account number. */
    private static long ribKey(String bank, String branch, String account) {
        return 97 - (89 * Long.parseLong(bank) + 15 * Long.parseLong(branch) + 3 * Long.parseLong(account)) % 97;
    }

    /** ISO 7064 MOD 97-10 on the text with its letters as numbers (A = 10 ... Z = 35). */
    private static int mod97(String text) {
        int remainder = 0;
        for (char c : text.toCharArray()) {
            int value = Character.getNumericValue(c);
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder;
    }
}
