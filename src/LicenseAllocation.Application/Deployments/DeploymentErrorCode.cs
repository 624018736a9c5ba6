namespace LicenseAllocation.Application.Deployments;

/// <summary>Why a console report, or one of its rows, cannot be read. Each value maps to a stable API code (<see cref="DeploymentMessages.ApiCode"/>).</summary>
public enum DeploymentErrorCode
{
    // The file as a whole (the workbook defences of the Excel import answer with their own codes).
    ReportEncodingUnknown,
    ReportBinary,
    ReportEmpty,
    ReportColumnMissing,
    ReportTooManyRows,
    ReportTooManyColumns,
    ReportUnterminatedQuote,

    // A row.
    DeviceIdRequired,
    DeviceGroupRequired,
    DeviceLastSeenUnreadable,
    DeviceFieldTooLong,

    // Mappings and snapshots.
    MappingNotFound,
    MappingInvalid,
    MappingBuiltIn,
    MappingNameTaken,
    TakenOnRequired,
    TakenOnInFuture,
    SnapshotNotFound,
    GroupUnknownUnit,
}
