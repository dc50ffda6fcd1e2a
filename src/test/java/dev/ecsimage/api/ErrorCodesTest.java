package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of CopyImage's error table (CopyImage-api.zh.txt, with its HTTP status and the service's
 * spellings), CancelCopyImage's codes, the common codes, and the patterns for codes no table names.
 */
class ErrorCodesTest {
    @ParameterizedTest(name = "CopyImage {1} (HTTP {0}) -> {2}")
    @CsvSource({
            "401, InvalidAliUid.IsNull, 4",
            "400, InvalidImageName.Malformed, 6",
            "403, Forbbiden, 4",
            "400, InvalidDescription.Malformed, 6",
            "400, SourceRegion.NotFound, 5",
            "400, DestinationRegion.NotFound, 5",
            "404, InvalidImageId.NotFound, 5",
            "400, IncorrectImageStatus, 6",
            "400, InvalidSnapshotId.NotFound, 5",
            "400, InvalidImageName.Duplicated, 7",
            "403, QuotaExceed.Image, 8",
            "403, QuotaExceed.Snapshot, 8",
            "403, OperationDenied.ImageCopying, 7",
            "403, RegionNotSupportCopy, 6",
            "403, InvalidSnapshot.TooOld, 6",
            "403, OperationDenied, 6",
            "403, IncorrectDestinationRegion, 6",
            "403, SizeExceed.Image, 8",
            "403, OperationDeined.EncryptedSnapshot, 6",
            "403, InternalError, 9",
            "403, OperationDenied.SameRegionOnly, 6",
            "403, OperationDenied.NotPublished, 6",
            "404, InvalidParameter.KMSKeyId.NotFound, 5",
            "403, InvalidParameter.KMSKeyId.KMSUnauthorized, 4",
            "500, InternalError, 9",
            "403, InvalidRegion.NotSupport, 4",
            "403, UserNotInTheWhiteList, 4",
            "400, InvalidParameter.EncryptedIllegal, 6",
    })
    void copyImageTable(int status, String code, int exit) {
        assertEquals(exit, ErrorCodes.classify(code, status).exitStatus);
    }

    @ParameterizedTest(name = "CancelCopyImage {1} (HTTP {0}) -> {2}")
    @CsvSource({
            "400, IncorrectImageStatus, 6",
            "400, ImageCreatedNotFromCopy, 6",
            "400, CancelNotSupported, 6",
            "404, InvalidImageId.NotFound, 5",
            "404, InvalidRegionId.NotFound, 5",
    })
    void cancelCopyImageCodes(int status, String code, int exit) {
        assertEquals(exit, ErrorCodes.classify(code, status).exitStatus);
    }

    @ParameterizedTest(name = "common {1} (HTTP {0}) -> {2}")
    @CsvSource({
            "404, InvalidAccessKeyId.NotFound, 4",
            "400, InvalidAccessKeyId.Inactive, 4",
            "400, SignatureDoesNotMatch, 4",
            "403, SignatureDoesNotMatch, 4",
            "400, IncompleteSignature, 4",
            "400, InvalidSecurityToken.Expired, 4",
            "400, InvalidSecurityToken.MismatchWithAccessKey, 4",
            "403, Forbidden, 4",
            "403, Forbidden.RAM, 4",
            "403, Forbidden.AccessKeyDisabled, 4",
            "400, MissingParameter, 6",
            "400, InvalidParameter, 6",
            "400, InvalidParameter.DestinationRegionId, 6",
            "400, IdempotentParameterMismatch, 7",
            "503, ServiceUnavailable, 9",
            "400, Throttling, 9",
            "400, Throttling.User, 9",
            "400, Throttling.Api, 9",
    })
    void commonCodes(int status, String code, int exit) {
        assertEquals(exit, ErrorCodes.classify(code, status).exitStatus);
    }

    @ParameterizedTest(name = "unknown {1} (HTTP {0}) -> {2}")
    @CsvSource({
            "404, InvalidVSwitchId.NotFound, 5",
            "400, Whatever.NotFound, 5",
            "403, Forbidden.Something, 4",
            "403, Account.Unauthorized, 4",
            "403, NoUnauthorizedHere, 4",
            "400, InvalidAccessKeySecret, 4",
            "400, Signature.Expired, 4",
            "400, Throttling.Whatever, 9",
            "500, Throttling.Whatever, 9",
            "403, QuotaLimit.Disk, 8",
            "400, Disk.LimitExceeded, 8",
            "400, InvalidKeyPairName.Duplicated, 7",
            "409, OperationConflict, 7",
            "409, ResourceConflict.Busy, 7",
            "500, SomethingBroke, 9",
            "502, SomethingBroke, 9",
            "599, SomethingBroke, 9",
            "400, SomethingOdd, 6",
            "499, SomethingOdd, 6",
    })
    void unknownCodesFollowThePatterns(int status, String code, int exit) {
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
