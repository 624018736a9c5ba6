using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Import;

/// <summary>An uploaded workbook and what to do with it.</summary>
/// <param name="PlanId">The plan the figures belong to; a template of another plan is refused.</param>
/// <param name="File">The uploaded bytes, as they came.</param>
/// <param name="ExpectedUnitId">When set, only the template of this unit is accepted (the page of one district asks for its own).</param>
/// <param name="Reason">Why the figures change; required to apply, not to preview.</param>
/// <param name="DocumentRef">The document the change is based on ("Căn cứ văn bản"), optional: written on every audit row of the change set, as for the bulk grid.</param>
public sealed record ImportRequest(int PlanId, byte[] File, int? ExpectedUnitId = null, string? Reason = null, string? DocumentRef = null);

/// <summary>What kind of workbook was read and whose units it allocates to.</summary>
public enum ImportKind
{
    /// <summary>The sub-allocation template of one unit: its children's quantities.</summary>
    Template,

    /// <summary>The plan's official appendix (Phụ lục): the quantities of the units directly under the province.</summary>
    Appendix,
}

public sealed record ImportSource(ImportKind Kind, int UnitId, string UnitName);

/// <summary>
/// The figures of the unit whose file it is (for the appendix, the province), before and after the import: its own
/// quota, which the import does not change, and what it hands on to the units the file lists.
/// </summary>
public sealed record ImportTotals(int Allocated, int HandedOnBefore, int HandedOnAfter)
{
    public int RemainingBefore => Allocated - HandedOnBefore;

    public int RemainingAfter => Allocated - HandedOnAfter;
}

/// <summary>One unit whose quantity the import changes (or would change), with the first row that names it.</summary>
public sealed record ImportChange(string Sheet, int Row, int UnitId, string? Code, string Name, int Old, int New);

/// <summary>One unit whose need (computers to protect) the import changes (or would change): from none (null) or the old figure to the new.</summary>
public sealed record ImportNeedChange(string Sheet, int Row, int UnitId, string? Code, string Name, int? Old, int New);

/// <summary>
/// The verdict on an upload. <see cref="Refusal"/> is set when the caller may not import here at all (a role that
/// cannot edit, a template of a unit outside the caller's scope, an unknown plan), and then <see cref="Errors"/> may say
/// which file the caller should take instead (<c>province-appendix</c>, <c>other-unit-template</c>); otherwise <see cref="Errors"/> lists
/// every problem found, and <see cref="Changes"/> what the rows that could be read would change. Nothing is written
/// unless <see cref="Applied"/>, and then all of it, under <see cref="ChangeSetId"/>.
/// </summary>
public sealed record ImportReport(
    bool Applied,
    ImportSource? Source,
    IReadOnlyList<ImportChange> Changes,
    IReadOnlyList<ImportIssue> Errors,
    Guid? ChangeSetId = null,
    AllocationError? Refusal = null)
{
    /// <summary>The needs the file changes (or would change), from its "Số máy tính cần bảo vệ" column; none for a file without it.</summary>
    public IReadOnlyList<ImportNeedChange> NeedChanges { get; init; } = [];

    /// <summary>The file's unit before and after the changes; null when the file could not be read that far.</summary>
    public ImportTotals? Totals { get; init; }

    /// <summary>True when the file can be applied (or was): nothing refused it.</summary>
    public bool IsValid => Refusal is null && Errors.Count == 0;

    public static ImportReport Refused(AllocationError refusal) => new(false, null, [], [], Refusal: refusal);

    public static ImportReport Invalid(ImportIssue issue, ImportSource? source = null) => new(false, source, [], [issue]);
}
