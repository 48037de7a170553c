package org.smartstart.backoffice.domain.captable.ocf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Shares into percents with three decimals that total exactly 100.000: each holder gets the whole
 * thousandths of a percent below their exact part, and the thousandths left over go one each to the
 * largest remainders; equal remainders go by rank (the import ranks holders by name, then id).
 *
 * <p>Whole share counts (the usual case) are worked on longs; fractional shares (after a split) or
 * totals beyond a long take the same steps on BigDecimal. Both give the same units.
 */
final class Percents {

    /** 100.000% in steps of 0.001%. */
    static final int UNITS = 100_000;
    private static final BigDecimal UNITS_DECIMAL = BigDecimal.valueOf(UNITS);

    private Percents() {
    }

    /**
     * Fills {@code units} (thousandths of a percent) for each holder's {@code shares} (null: holds none;
     * otherwise above 0) and answers the total number of shares. When nobody holds any, every unit is 0.
     *
     * @param rank the tie order of the holders (lower first)
     */
    static BigDecimal units(BigDecimal[] shares, int[] rank, int[] units) {
        Arrays.fill(units, 0);
        long[] whole = new long[shares.length];
        long total = 0;
        boolean onLongs = true;
        for (int i = 0; i < shares.length && onLongs; i++) {
            if (shares[i] == null) {
                continue;
            }
            try {
                whole[i] = shares[i].longValueExact();
                total = Math.addExact(total, whole[i]);
            } catch (ArithmeticException fractionOrTooLarge) {
                onLongs = false;
            }
        }
        if (onLongs && total < Long.MAX_VALUE / UNITS) {
            return onLongs(whole, total, rank, units);
        }
        return onDecimals(shares, rank, units);
    }

    private static BigDecimal onLongs(long[] shares, long total, int[] rank, int[] units) {
        if (total <= 0) {
            return BigDecimal.valueOf(total);
        }
        int n = shares.length;
        long[] remainder = new long[n];
        Integer[] held = new Integer[n];
        int count = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (shares[i] > 0) {
                long exact = shares[i] * UNITS;
                units[i] = (int) (exact / total);
                remainder[i] = exact % total;
                sum += units[i];
                held[count++] = i;
            }
        }
        int left = (int) (UNITS - sum);
        if (left <= 0) {
            return BigDecimal.valueOf(total);
        }
        int rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        if (total < (1L << (62 - rankBits))) {
            // largest remainder first, then the lower rank, as one number sorted ascending
            long[] keys = new long[count];
            int[] byRank = new int[n];
            for (int k = 0; k < count; k++) {
                int i = held[k];
                byRank[rank[i]] = i;
                keys[k] = ((total - 1 - remainder[i]) << rankBits) | rank[i];
            }
            Arrays.sort(keys);
            long mask = (1L << rankBits) - 1;
            for (int k = 0; k < left && k < count; k++) {
                units[byRank[(int) (keys[k] & mask)]]++;
            }
            return BigDecimal.valueOf(total);
        }
        Arrays.sort(held, 0, count, (x, y) -> remainder[x] != remainder[y] ? Long.compare(remainder[y], remainder[x])
                : Integer.compare(rank[x], rank[y]));
        for (int k = 0; k < left && k < count; k++) {
            units[held[k]]++;
        }
        return BigDecimal.valueOf(total);
    }

    private static BigDecimal onDecimals(BigDecimal[] shares, int[] rank, int[] units) {
        int n = shares.length;
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal s : shares) {
            if (s != null) {
                total = total.add(s);
            }
        }
        if (total.signum() <= 0) {
            return total;
        }
        BigDecimal[] remainder = new BigDecimal[n];
        Integer[] held = new Integer[n];
        int count = 0;
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            if (shares[i] != null) {
                BigDecimal[] qr = shares[i].multiply(UNITS_DECIMAL).divideAndRemainder(total);
                BigInteger u = qr[0].toBigIntegerExact();
                units[i] = u.intValueExact();
                remainder[i] = qr[1];
                sum = sum.add(u);
                held[count++] = i;
            }
        }
        int left = BigInteger.valueOf(UNITS).subtract(sum).intValueExact();
        Arrays.sort(held, 0, count, (x, y) -> {
            int c = remainder[y].compareTo(remainder[x]);
            return c != 0 ? c : Integer.compare(rank[x], rank[y]);
        });
        for (int k = 0; k < left && k < count; k++) {
            units[held[k]]++;
        }
        return total;
    }
}
