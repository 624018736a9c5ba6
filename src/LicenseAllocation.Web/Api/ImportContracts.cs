using System.Globalization;
using LicenseAllocation.Application.Import;

namespace LicenseAllocation.Web.Api;

/// <summary>One unit the import changes (or would change): <c>{"unitId","code","name","old","new","sheet","row"}</c>.</summary>
public sealed record ImportChangeDto(int UnitId, string? Code, string Name, int Old, int New, string Sheet, int Row)
{
    internal static ImportChangeDto From(ImportChange change) =>
        new(change.UnitId, change.Code, change.Name, change.Old, change.New, change.Sheet, change.Row);
}

/// <summary>One problem in the file: where (null for the file as a whole), its code and the explanation in the caller's language.</summary>
public sealed record ImportErrorDto(string? Sheet, int? Row, string? Column, string Code, string Message)
{
    internal static ImportErrorDto From(ImportIssue issue) =>
        new(issue.Sheet, issue.Row, issue.Column, issue.ApiCode, ImportMessages.Describe(issue, CultureInfo.CurrentUICulture));
}

/// <summary>
/// The 200 answer: <c>applied</c> is false on a dry run; <c>changeSetId</c> groups the audit rows of an applied import;
/// <c>needChanges</c> lists the needs (computers to protect) the file restates, from its "Số máy tính cần bảo vệ" column.
/// </summary>
public sealed record ImportResponse(bool Applied, Guid? ChangeSetId, string? Kind, int? UnitId, IReadOnlyList<ImportChangeDto> Changes, IReadOnlyList<ImportErrorDto> Errors)
{
    public IReadOnlyList<ImportNeedChangeDto> NeedChanges { get; init; } = [];

    /// <summary>The file's unit before and after: its quota, what it hands on and what remains.</summary>
    public ImportTotalsDto? Totals { get; init; }
}

/// <summary><c>{"allocated","handedOnBefore","handedOnAfter","remainingBefore","remainingAfter"}</c> of the unit whose file it is.</summary>
public sealed record ImportTotalsDto(int Allocated, int HandedOnBefore, int HandedOnAfter, int RemainingBefore, int RemainingAfter)
{
    internal static ImportTotalsDto? From(ImportTotals? totals) =>
        totals is null ? null : new(totals.Allocated, totals.HandedOnBefore, totals.HandedOnAfter, totals.RemainingBefore, totals.RemainingAfter);
}

/// <summary>A unit whose need the file changes: from the figure stated before (null: none) to the new one, at the first row that states it.</summary>
public sealed record ImportNeedChangeDto(int UnitId, string? Code, string Name, int? Old, int New, string Sheet, int Row)
{
    internal static ImportNeedChangeDto From(ImportNeedChange change) =>
        new(change.UnitId, change.Code, change.Name, change.Old, change.New, change.Sheet, change.Row);
}
