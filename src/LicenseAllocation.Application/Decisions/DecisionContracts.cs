using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Decisions;

/// <summary>A decision to publish: its document. <paramref name="IssuingBody"/> defaults to the unit's People's Committee.</summary>
public sealed record PublishDecision(int PlanId, int IssuingUnitId, string? DocumentNumber, DateOnly? DocumentDate, string? Signer, string? IssuingBody = null);

/// <summary>
/// One allocating unit's decision over the level directly below it, as it stands: <see cref="PlanStatus.Draft"/> until it
/// is published (and again while an amendment of it is prepared, with <see cref="Version"/> the next one), published,
/// or superseded with its plan.
/// </summary>
public sealed record LevelDecisionView(
    int IssuingUnitId,
    string IssuingUnitName,
    UnitKind IssuingUnitKind,
    int? ParentUnitId,
    PlanStatus Status,
    int Version,
    string? DocumentNumber,
    DateOnly? DocumentDate,
    string? Signer,
    string? IssuingBody,
    DateTime? PublishedAtUtc,
    string? AppendixSha256,
    int CoveredUnits,
    int Quantity,
    int Remaining,
    int OpenBelow)
{
    /// <summary>The province's letter: the plan's own publication.</summary>
    public bool IsLetter => ParentUnitId is null;
}

/// <summary>A unit of the level that still holds licences it has not handed on to its own units.</summary>
public sealed record OpenUnit(int UnitId, string Name, int Remaining);

/// <summary>A published decision and what is still open below it, for the warning the publisher reads.</summary>
public sealed record DecisionPublished(LevelDecisionView Decision, IReadOnlyList<OpenUnit> OpenBelow);
