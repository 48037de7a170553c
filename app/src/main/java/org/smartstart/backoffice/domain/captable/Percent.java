package org.smartstart.backoffice.domain.captable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percent figures as the cap table shows them: exact, three decimals ("97.500%"). */
public final class Percent {

    public static final BigDecimal HUNDRED = new BigDecimal("100.000");
    public static final BigDecimal OWNER_FLOOR = new BigDecimal("35.000");
    public static final BigDecimal ZERO = new BigDecimal("0.000");

    private Percent() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    /** "97.500%". */
    public static String format(BigDecimal value) {
        return (value == null ? ZERO : of(value)).toPlainString() + "%";
    }
}
