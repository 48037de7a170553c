package org.smartstart.backoffice.domain.kyc;

import java.time.Instant;

/**
 * One device of the applicant as last reported (device_posture_reports): compliant when its disk is
 * encrypted and its antivirus healthy.
 */
public record DevicePosture(String deviceId, String os, boolean encryptedDisk, String avStatus, Instant lastSeenAt,
                            boolean compliant) {
}
