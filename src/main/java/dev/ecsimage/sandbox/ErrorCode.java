package dev.ecsimage.sandbox;

/**
 * Every error the sandbox answers, with the HTTP status and message of the service (CopyImage's
 * table in CopyImage-api.zh.txt, CancelCopyImage's and the common ones in ECS-API-NOTES; the
 * tables of ModifyImageSharePermission and DescribeRegions on api.alibabacloud.com, 2025).
 */
public enum ErrorCode {
    MISSING_PARAMETER(400, "MissingParameter", "The input parameter that is mandatory for processing this request is not supplied."),
    INVALID_PARAMETER(400, "InvalidParameter", "The specified parameter is not valid."),
    INVALID_IMAGE_NAME(400, "InvalidImageName.Malformed", "The specified destination Image name is wrongly formed."),
    INVALID_DESCRIPTION(400, "InvalidDescription.Malformed", "The specified destination description is wrongly formed."),
    ENCRYPTED_ILLEGAL(400, "InvalidParameter.EncryptedIllegal",
            "The specified parameter Encrypted must be true when kmsKeyId is not empty."),
    IDEMPOTENT_MISMATCH(400, "IdempotentParameterMismatch",
            "The request uses the same client token as a previous, but non-identical request."),
    SOURCE_REGION_NOT_FOUND(400, "SourceRegion.NotFound", "The source region not found"),
    DESTINATION_REGION_NOT_FOUND(400, "DestinationRegion.NotFound", "The destination region not found"),
    INCORRECT_DESTINATION_REGION(403, "IncorrectDestinationRegion", "The destination region is not equal the target region."),
    REGION_NOT_SUPPORT_COPY(403, "RegionNotSupportCopy", "The region not support copy."),
    IMAGE_NOT_FOUND(404, "InvalidImageId.NotFound", "The specified ImageId does not exist."),
    FORBIDDEN(403, "Forbbiden", "User not authorized to operate on the specified resource."),
    IMAGE_NOT_AVAILABLE(400, "IncorrectImageStatus", "The image not available."),
    SAME_REGION_ONLY(403, "OperationDenied.SameRegionOnly",
            "The image shared from others can not be copied to another region directly."),
    ENCRYPTED_SNAPSHOT(403, "OperationDeined.EncryptedSnapshot",
            "The image contains encrypted snapshots, which do not support copying."),
    SNAPSHOT_TOO_OLD(403, "InvalidSnapshot.TooOld",
            "This operation is denied because the specified snapshot is created before 2013-07-15."),
    SNAPSHOT_NOT_FOUND(400, "InvalidSnapshotId.NotFound", "The specified SnapshotId does not exist."),
    SNAPSHOT_NOT_ALLOWED(403, "OperationDenied", "The specified snapshot is not allowed to create image."),
    SIZE_EXCEED(403, "SizeExceed.Image",
            "The image exceeds the maximum size. Please open a ticket to add the account to the white list."),
    NOT_PUBLISHED(403, "OperationDenied.NotPublished",
            "The operation is denied because corresponding marketplace image is not published in destination region."),
    BYOK_REGION(403, "InvalidRegion.NotSupport", "The specified region does not support byok."),
    KMS_KEY_NOT_FOUND(404, "InvalidParameter.KMSKeyId.NotFound", "The specified KMSKeyId does not exist."),
    KMS_UNAUTHORIZED(403, "InvalidParameter.KMSKeyId.KMSUnauthorized", "ECS service have no right to access your KMS."),
    NOT_WHITELISTED(403, "UserNotInTheWhiteList", "The user is not in byok white list."),
    NAME_DUPLICATED(400, "InvalidImageName.Duplicated", "The destination image is exist."),
    IMAGE_COPYING(403, "OperationDenied.ImageCopying", "The Image are coping."),
    IMAGE_QUOTA(403, "QuotaExceed.Image", "The Image Quota exceeds."),
    SNAPSHOT_QUOTA(403, "QuotaExceed.Snapshot", "The snapshot quota exceeds."),
    DRY_RUN(400, "DryRunOperation", "Request validation has been passed with DryRun flag set."),
    REGION_NOT_FOUND(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist."),
    COPY_COMPLETED(400, "IncorrectImageStatus", "The image has completed copy."),
    COPY_FAILED(400, "IncorrectImageStatus", "The Image copy has been failed."),
    NOT_FROM_COPY(400, "ImageCreatedNotFromCopy", "The specified image is not created from copy."),
    SHARE_IMAGE_NOT_AVAILABLE(400, "IncorrectImageStatus", "The image is not available."),
    SHARE_ENCRYPTED_SNAPSHOT(403, "OperationDeined.EncryptedSnapshot",
            "The image contains encrypted snapshots, which do not support share."),
    SERVICE_KEY_ENCRYPTED(403, "InvalidOperation.ServiceKeyEncryptedImageUnsupported",
            "The specified service key encrypted image is not supported for this operation. Please switch to a CMK "
                    + "(Customer Master Key) encrypted image and retry."),
    IMAGE_PUBLIC(403, "Image.Public", "The specified image is public image."),
    IMAGE_NOT_PUBLIC(403, "Image.NotPublic", "The specified image is not public image."),
    ACCOUNT_NOT_FOUND(404, "InvalidAccount.NotFound",
            "The specified parameter \"AddAccount.n\" or \"RemoveAccount.n\" does not exist."),
    ACCOUNT_IS_OWNER(404, "InvalidAccount.Forbbiden", "The specified Account does not yourself."),
    SHARE_QUOTA(403, "QuotaExceed.ShareImageUser", "The shared Image user Quota exceeds."),
    ACCEPT_LANGUAGE_NOT_FOUND(404, "InvalidAcceptLanguage.NotFound",
            "Only Chinese (zh-CN), English (en-US), and Japanese (ja) are allowed."),
    INVALID_CHARGE_TYPE(403, "Invalid.InstanceChargeType", "The specified instanceChargeType is not valid."),
    RESOURCE_TYPE_NOT_FOUND(404, "InvalidResourceType.NotFound",
            "The ResourceType provided does not exist in our records."),
    ACTION_NOT_FOUND(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
    INVALID_VERSION(400, "InvalidVersion", "Specified parameter Version is not valid."),
    THROTTLING(400, "Throttling.User", "Request was denied due to user flow control."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
    INCOMPLETE_SIGNATURE(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."),
    SIGNATURE_MISMATCH(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation."),
    NONCE_USED(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
    TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
    TIMESTAMP_MALFORMED(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."),
    ACCESS_KEY_NOT_FOUND(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    SECURITY_TOKEN_MALFORMED(400, "InvalidSecurityToken.Malformed", "The security token you provided is malformed."),
    SECURITY_TOKEN_MISMATCH(400, "InvalidSecurityToken.MismatchWithAccessKey",
            "The security token you provided does not match your access key.");

    public final int status;
    public final String code;
    public final String message;

    ErrorCode(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    ApiError error() {
        return new ApiError(this, message);
    }

    /** The error with a message that names what was wrong. */
    ApiError error(String detail) {
        return new ApiError(this, detail);
    }
}
