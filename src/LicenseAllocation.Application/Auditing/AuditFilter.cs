using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Which audit rows to show. Every criterion is optional and they combine: <see cref="UnitId"/> means the unit and its
/// whole subtree; <see cref="From"/> and <see cref="To"/> are calendar days in Vietnam time, both included;
/// <see cref="UserName"/> is matched whatever its case. Without <see cref="PlanId"/> the trail covers every plan and,
/// for the roles that see them, the rows about user accounts.
/// </summary>
public sealed record AuditFilter(
    int? PlanId = null,
    int? UnitId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? UserName = null,
    AuditAction? Action = null,
    Guid? ChangeSetId = null);

/// <summary>
/// One audit row as the trail shows it, with the unit's current name and its plan named with its version
/// (<see cref="PlanLabel"/>, null for a row about no plan). <see cref="At"/> is in Vietnam time.
/// </summary>
public sealed record AuditRow(
    long Id,
    long Sequence,
    int? PlanId,
    DateTimeOffset At,
    string Actor,
    AuditAction Action,
    int? UnitId,
    string? UnitName,
    int? OldValue,
    int? NewValue,
    string Reason,
    Guid ChangeSetId,
    string? DocumentRef,
    string Hash = "",
    string? PlanLabel = null)
{
    /// <summary>The first eight characters of the change set: enough to tell change sets apart on a page.</summary>
    public string ShortChangeSet => ChangeSetId.ToString("N")[..8];

    /// <summary>The first twelve characters of the row's hash, as the trail page shows it (the whole hash on hover).</summary>
    public string ShortHash => Hash.Length > 12 ? Hash[..12] : Hash;
}

/// <summary>One page of the trail, newest first, and how many rows match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize);

/// <summary>What the trail page offers in its filters: the units and the users whose rows the caller may see.</summary>
public sealed record AuditFilterChoices(IReadOnlyList<AuditUnitChoice> Units, IReadOnlyList<string> Actors);

/// <summary>A unit to filter on, with its parent's name so that two communes of the same name can be told apart.</summary>
public sealed record AuditUnitChoice(int Id, string Name, string? ParentName);
