package dev.ecsimage.api;

import java.util.Map;

/**
 * The one table that classifies the service's error codes. Exact codes first (CopyImage's table
 * with the service's own spellings, CancelCopyImage's, ModifyImageSharePermission's, the common
 * ones), then the documented
 * patterns, then the HTTP status. Whether to retry follows from the kind: only
 * {@link ErrorKind#UNAVAILABLE} is transient.
 */
public final class ErrorCodes {
    private static final Map<String, ErrorKind> EXACT = Map.ofEntries(
            Map.entry("InvalidAliUid.IsNull", ErrorKind.DENIED),
            Map.entry("SignatureDoesNotMatch", ErrorKind.DENIED),
            Map.entry("IncompleteSignature", ErrorKind.DENIED),
            Map.entry("Forbbiden", ErrorKind.DENIED),
            Map.entry("InvalidParameter.KMSKeyId.KMSUnauthorized", ErrorKind.DENIED),
            Map.entry("UserNotInTheWhiteList", ErrorKind.DENIED),
            Map.entry("InvalidRegion.NotSupport", ErrorKind.DENIED),
            Map.entry("InvalidTimeStamp.Expired", ErrorKind.DENIED),
            Map.entry("SignatureNonceUsed", ErrorKind.DENIED),
            // sharing an encrypted image needs the RAM role AliyunECSShareEncryptImageDefaultRole
            Map.entry("AssumeRoleError", ErrorKind.DENIED),

            Map.entry("InvalidImageId.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("SourceRegion.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("DestinationRegion.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("InvalidSnapshotId.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("InvalidParameter.KMSKeyId.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("InvalidRegionId.NotFound", ErrorKind.NOT_FOUND),
            Map.entry("InvalidAccount.NotFound", ErrorKind.NOT_FOUND),

            Map.entry("InvalidImageName.Malformed", ErrorKind.INVALID),
            Map.entry("InvalidDescription.Malformed", ErrorKind.INVALID),
            Map.entry("IncorrectImageStatus", ErrorKind.INVALID),
            Map.entry("IncorrectDestinationRegion", ErrorKind.INVALID),
            Map.entry("RegionNotSupportCopy", ErrorKind.INVALID),
            Map.entry("InvalidSnapshot.TooOld", ErrorKind.INVALID),
            Map.entry("OperationDenied", ErrorKind.INVALID),
            Map.entry("OperationDeined.EncryptedSnapshot", ErrorKind.INVALID),
            Map.entry("OperationDenied.SameRegionOnly", ErrorKind.INVALID),
            Map.entry("OperationDenied.NotPublished", ErrorKind.INVALID),
            Map.entry("InvalidParameter.EncryptedIllegal", ErrorKind.INVALID),
            Map.entry("ImageCreatedNotFromCopy", ErrorKind.INVALID),
            Map.entry("CancelNotSupported", ErrorKind.INVALID),
            Map.entry("MissingParameter", ErrorKind.INVALID),
            // the service's spelling; sharing an image with the account that owns it
            Map.entry("InvalidAccount.Forbbiden", ErrorKind.INVALID),
            Map.entry("InvalidOperation.ServiceKeyEncryptedImageUnsupported", ErrorKind.INVALID),

            Map.entry("InvalidImageName.Duplicated", ErrorKind.CONFLICT),
            Map.entry("OperationDenied.ImageCopying", ErrorKind.CONFLICT),
            Map.entry("IdempotentParameterMismatch", ErrorKind.CONFLICT),
            Map.entry("OperationConflict", ErrorKind.CONFLICT),

            Map.entry("QuotaExceed.Image", ErrorKind.QUOTA),
            Map.entry("QuotaExceed.Snapshot", ErrorKind.QUOTA),
            Map.entry("SizeExceed.Image", ErrorKind.QUOTA),
            Map.entry("QuotaExceed.ShareImageUser", ErrorKind.QUOTA),
            Map.entry("QuotaExceed.ShareImage", ErrorKind.QUOTA),

            Map.entry("InternalError", ErrorKind.UNAVAILABLE),
            Map.entry("ServiceUnavailable", ErrorKind.UNAVAILABLE));

    private ErrorCodes() {}

    public static ErrorKind classify(String code, int httpStatus) {
        ErrorKind exact = code == null ? null : EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        if (code != null) {
            if (code.startsWith("Throttling")) {
                return ErrorKind.UNAVAILABLE;
            }
            if (code.startsWith("InvalidAccessKeyId") || code.startsWith("InvalidSecurityToken")
                    || code.startsWith("Forbidden") || code.contains("Unauthorized")
                    || code.contains("AccessKey") || code.contains("Signature")) {
                return ErrorKind.DENIED;
            }
            if (code.endsWith("NotFound")) {
                return ErrorKind.NOT_FOUND;
            }
            if (code.startsWith("InvalidParameter")) {
                return ErrorKind.INVALID;
            }
            if (code.contains("Quota") || code.contains("Exceed")) {
                return ErrorKind.QUOTA;
            }
            if (code.endsWith("Duplicated") || code.contains("Conflict")) {
                return ErrorKind.CONFLICT;
            }
        }
        return httpStatus >= 500 ? ErrorKind.UNAVAILABLE : ErrorKind.INVALID;
    }
}
