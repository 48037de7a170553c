package org.smartstart.backoffice.persistence.ventures;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The PostgreSQL enum type invoice_status. Unlike the other enum types its labels cannot all be Java
 * constant names ('void' is a keyword), so the constants carry their label and a converter maps them.
 */
public enum InvoiceStatus {
    DRAFT("draft"), OPEN("open"), PAID("paid"), VOID("void"), REFUNDED("refunded");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    /** The label in the database. */
    public String label() {
        return label;
    }

    public static InvoiceStatus ofLabel(String label) {
        for (InvoiceStatus s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown invoice status '" + label + "'");
    }

    @Converter
    public static final class Labels implements AttributeConverter<InvoiceStatus, String> {
        @Override
        public String convertToDatabaseColumn(InvoiceStatus status) {
            return status == null ? null : status.label;
        }

        @Override
        public InvoiceStatus convertToEntityAttribute(String label) {
            return label == null ? null : ofLabel(label);
        }
    }
}
