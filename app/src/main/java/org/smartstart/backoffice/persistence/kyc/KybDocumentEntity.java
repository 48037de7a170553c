package org.smartstart.backoffice.persistence.kyc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;
import org.smartstart.backoffice.persistence.ventures.VentureEntity;

/** Row of kyb_documents: A business document of a venture under review (KY-1..KY-4, KY-6, KY-7). */
@Entity
@Table(name = "kyb_documents")
public class KybDocumentEntity extends ReviewedDocumentEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venture_id")
    private VentureEntity venture;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "doc_type", nullable = false, columnDefinition = "kyb_doc_type")
    private KybDocType docType;

    public VentureEntity getVenture() {
        return venture;
    }

    public void setVenture(VentureEntity venture) {
        this.venture = venture;
    }

    public KybDocType getDocType() {
        return docType;
    }

    public void setDocType(KybDocType docType) {
        this.docType = docType;
    }
}
