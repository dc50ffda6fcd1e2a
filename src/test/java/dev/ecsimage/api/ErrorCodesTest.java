package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of CopyImage's error table (CopyImage-api.zh.txt, with its HTTP status and the service's
 * spellings), CancelCopyImage's and ModifyImageSharePermission's codes (ECS-API-NOTES section 8),
 * the common codes, and the patterns for codes no table names.
 */
class ErrorCodesTest {
    @ParameterizedTest(name = "{0} {2} (HTTP {1}) -> {3}")
    @CsvSource({
            "CopyImage, 401, InvalidAliUid.IsNull, 4",
            "CopyImage, 400, InvalidImageName.Malformed, 6",
            "CopyImage, 403, Forbbiden, 4",
            "CopyImage, 400, InvalidDescription.Malformed, 6",
            "CopyImage, 400, SourceRegion.NotFound, 5",
            "CopyImage, 400, DestinationRegion.NotFound, 5",
            "CopyImage, 404, InvalidImageId.NotFound, 5",
            "CopyImage, 400, IncorrectImageStatus, 6",
            "CopyImage, 400, InvalidSnapshotId.NotFound, 5",
            "CopyImage, 400, InvalidImageName.Duplicated, 7",
            "CopyImage, 403, QuotaExceed.Image, 8",
            "CopyImage, 403, QuotaExceed.Snapshot, 8",
            "CopyImage, 403, OperationDenied.ImageCopying, 7",
            "CopyImage, 403, RegionNotSupportCopy, 6",
            "CopyImage, 403, InvalidSnapshot.TooOld, 6",
            "CopyImage, 403, OperationDenied, 6",
            "CopyImage, 403, IncorrectDestinationRegion, 6",
            "CopyImage, 403, SizeExceed.Image, 8",
            "CopyImage, 403, OperationDeined.EncryptedSnapshot, 6",
            "CopyImage, 403, InternalError, 9",
            "CopyImage, 403, OperationDenied.SameRegionOnly, 6",
            "CopyImage, 403, OperationDenied.NotPublished, 6",
            "CopyImage, 404, InvalidParameter.KMSKeyId.NotFound, 5",
            "CopyImage, 403, InvalidParameter.KMSKeyId.KMSUnauthorized, 4",
            "CopyImage, 500, InternalError, 9",
            "CopyImage, 403, InvalidRegion.NotSupport, 4",
            "CopyImage, 403, UserNotInTheWhiteList, 4",
            "CopyImage, 400, InvalidParameter.EncryptedIllegal, 6",
            "CancelCopyImage, 400, IncorrectImageStatus, 6",
            "CancelCopyImage, 400, ImageCreatedNotFromCopy, 6",
            "CancelCopyImage, 400, CancelNotSupported, 6",
            "CancelCopyImage, 404, InvalidImageId.NotFound, 5",
            "CancelCopyImage, 404, InvalidRegionId.NotFound, 5",
            "ModifyImageSharePermission, 404, InvalidAccount.NotFound, 5",
            "ModifyImageSharePermission, 404, InvalidAccount.Forbbiden, 6",
            "ModifyImageSharePermission, 403, QuotaExceed.ShareImageUser, 8",
            "ModifyImageSharePermission, 403, QuotaExceed.ShareImage, 8",
            "ModifyImageSharePermission, 404, InvalidImageId.NotFound, 5",
            "ModifyImageSharePermission, 403, InvalidOperation.ServiceKeyEncryptedImageUnsupported, 6",
            "ModifyImageSharePermission, 403, OperationDeined.EncryptedSnapshot, 6",
            "ModifyImageSharePermission, 403, AssumeRoleError, 4",
            "ModifyImageSharePermission, 400, IncorrectImageStatus, 6",
            "common, 404, InvalidAccessKeyId.NotFound, 4",
            "common, 400, InvalidAccessKeyId.Inactive, 4",
            "common, 400, SignatureDoesNotMatch, 4",
            "common, 403, SignatureDoesNotMatch, 4",
            "common, 400, IncompleteSignature, 4",
            "common, 400, InvalidSecurityToken.Expired, 4",
            "common, 400, InvalidSecurityToken.MismatchWithAccessKey, 4",
            "common, 403, Forbidden, 4",
            "common, 403, Forbidden.RAM, 4",
            "common, 403, Forbidden.AccessKeyDisabled, 4",
            "common, 400, MissingParameter, 6",
            "common, 400, InvalidParameter, 6",
            "common, 400, InvalidParameter.DestinationRegionId, 6",
            "common, 400, IdempotentParameterMismatch, 7",
            "common, 503, ServiceUnavailable, 9",
            "common, 400, Throttling, 9",
            "common, 400, Throttling.User, 9",
            "common, 400, Throttling.Api, 9",
            "pattern, 404, InvalidVSwitchId.NotFound, 5",
            "pattern, 400, Whatever.NotFound, 5",
            "pattern, 403, Forbidden.Something, 4",
            "pattern, 403, Account.Unauthorized, 4",
            "pattern, 403, NoUnauthorizedHere, 4",
            "pattern, 400, InvalidAccessKeySecret, 4",
            "pattern, 400, Signature.Expired, 4",
            "pattern, 400, Throttling.Whatever, 9",
            "pattern, 500, Throttling.Whatever, 9",
            "pattern, 403, QuotaLimit.Disk, 8",
            "pattern, 400, Disk.LimitExceeded, 8",
            "pattern, 400, InvalidKeyPairName.Duplicated, 7",
            "pattern, 409, OperationConflict, 7",
            "pattern, 409, ResourceConflict.Busy, 7",
            "pattern, 500, SomethingBroke, 9",
            "pattern, 502, SomethingBroke, 9",
            "pattern, 599, SomethingBroke, 9",
            "pattern, 400, SomethingOdd, 6",
            "pattern, 499, SomethingOdd, 6",
    })
    void codeMapsToItsExitStatus(String table, int status, String code, int exit) {
        assertEquals(exit, ErrorCodes.classify(code, status).exitStatus);
    }

    @ParameterizedTest(name = "no code (HTTP {0}) -> {1}")
    @CsvSource({"500, 9", "503, 9", "400, 6", "200, 6"})
    void noCodeFallsBackOnTheStatus(int status, int exit) {
        assertEquals(exit, ErrorCodes.classify(null, status).exitStatus);
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @CsvSource({"DENIED, 4", "NOT_FOUND, 5", "INVALID, 6", "CONFLICT, 7", "QUOTA, 8", "UNAVAILABLE, 9"})
    void exitStatusPerKind(ErrorKind kind, int exit) {
        assertEquals(exit, kind.exitStatus);
    }
}
