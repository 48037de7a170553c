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
import org.smartstart.backoffice.persistence.identity.UserEntity;

/** Row of kyc_documents: An identity document of a user under review (KY-1..KY-4, KY-7). */
@Entity
@Table(name = "kyc_documents")
public class KycDocumentEntity extends ReviewedDocumentEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private UserEntity user;

    @Enumerated(EnumType.STRING)
    @JdbcType(PostgreSQLEnumJdbcType.class)
    @Column(name = "doc_type", nullable = false, columnDefinition = "kyc_doc_type")
    private KycDocType docType;

    public UserEntity getUser() {
        return user;
    }

    public void setUser(UserEntity user) {
        this.user = user;
    }

    public KycDocType getDocType() {
        return docType;
    }

    public void setDocType(KycDocType docType) {
        this.docType = docType;
    }
}
