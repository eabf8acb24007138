package org.lookout.complaint.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a report filed through Open311 carries beyond the report: the client key that filed it, the answers to its
 * item's questions (code → values), its media and the client's address id. The person's email, device id and account
 * id are encrypted like every reporter identity (under {@code keyId}, the report id as associated data); their name and
 * phone are a {@link ReporterIdentity} like any channel's.
 */
@Entity
@Table(name = "open311_request")
public class Open311Request {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "api_key_id", nullable = false)
    public UUID apiKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> answers;

    @Column(name = "media_url")
    public String mediaUrl;

    @Column(name = "address_id")
    public String addressId;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "email_enc")
    public byte[] emailEncrypted;

    @Column(name = "device_id_enc")
    public byte[] deviceIdEncrypted;

    @Column(name = "account_id_enc")
    public byte[] accountIdEncrypted;
}
