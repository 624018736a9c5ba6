using LicenseAllocation.Application.Decisions;

namespace LicenseAllocation.Web.Api;

/// <summary><c>{"documentNumber","documentDate","signer","issuingBody"?}</c> of a level's decision.</summary>
public sealed record PublishDecisionRequest(string? DocumentNumber, string? DocumentDate, string? Signer, string? IssuingBody);

/// <summary>One level's decision as the API shows it; <c>status</c> is Draft | Published | Superseded.</summary>
public sealed record DecisionDto(
    int IssuingUnitId,
    string IssuingUnitName,
    string IssuingUnitKind,
    string Status,
    int Version,
    string? DocumentNumber,
    string? DocumentDate,
    string? Signer,
    string? IssuingBody,
    DateTime? PublishedAt,
    string? AppendixSha256,
    int CoveredUnits,
    int Quantity,
    int Remaining,
    int OpenBelow)
{
    public static DecisionDto From(LevelDecisionView level) => new(
        level.IssuingUnitId,
        level.IssuingUnitName,
        level.IssuingUnitKind.ToString(),
        level.Status.ToString(),
        level.Version,
        level.DocumentNumber,
        level.DocumentDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        level.Signer,
        level.IssuingBody,
        level.PublishedAtUtc,
        level.AppendixSha256,
        level.CoveredUnits,
        level.Quantity,
        level.Remaining,
        level.OpenBelow);
}

/// <summary>A published decision with the units of its level that still have licences to hand on: the warning the publisher reads.</summary>
public sealed record DecisionPublishedDto(DecisionDto Decision, IReadOnlyList<OpenUnitDto> OpenBelow)
{
    public static DecisionPublishedDto From(DecisionPublished published) =>
        new(DecisionDto.From(published.Decision), [.. published.OpenBelow.Select(o => new OpenUnitDto(o.UnitId, o.Name, o.Remaining))]);
}
