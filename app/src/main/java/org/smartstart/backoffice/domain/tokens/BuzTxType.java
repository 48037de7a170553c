package org.smartstart.backoffice.domain.tokens;

/**
 * What a BUZ transaction does to a wallet (BZ-1): earn and unlock credit it, convert, redeem and lock
 * debit it; lock and unlock move BUZ between the spendable and the locked balance.
 */
public enum BuzTxType {
    EARN, CONVERT, REDEEM, LOCK, UNLOCK;

    /** The database label (buz_tx_type). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BuzTxType ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
