using LicenseAllocation.Application.Auditing;

namespace LicenseAllocation.Web.Api;

/// <summary>One audit row. <c>at</c> is in Vietnam time with its offset (+07:00); <c>old</c> and <c>new</c> only for quantities.</summary>
public sealed record AuditEntryDto(
    long Id,
    long Sequence,
    int? PlanId,
    DateTimeOffset At,
    string Actor,
    string Action,
    int? UnitId,
    string? UnitName,
    int? Old,
    int? New,
    string Reason,
    Guid ChangeSetId,
    string? DocumentRef,
    string Hash)
{
    internal static AuditEntryDto From(AuditRow row) => new(
        row.Id, row.Sequence, row.PlanId, row.At, row.Actor, row.Action.ToString(), row.UnitId, row.UnitName,
        row.OldValue, row.NewValue, row.Reason, row.ChangeSetId, row.DocumentRef, row.Hash);
}

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int Total, int Page, int PageSize)
{
    internal static AuditPageDto From(AuditPage page) => new([.. page.Items.Select(AuditEntryDto.From)], page.Total, page.Page, page.PageSize);
}

/// <summary>
/// The integrity check: <c>firstBrokenId</c> is the first row that breaks the chain (null when valid, or when rows are
/// missing at the end); <c>problem</c> is <c>content-changed</c>, <c>chain-broken</c>, <c>tail-missing</c>,
/// <c>seal-invalid</c>, <c>unknown-seal-key</c> or <c>checkpoint-lost</c>. <c>head</c> is the head to record
/// (<c>&lt;headSequence&gt;:&lt;headHash&gt;</c>); <c>checkpointHeld</c> answers <c>expectHead</c> (null without one).
/// </summary>
public sealed record AuditVerdictDto(
    bool Valid, long Checked, long? FirstBrokenId, long? FirstBrokenSequence, string? Problem, string HeadHash, string Message,
    long HeadSequence, string Head, bool KeyedSealsChecked, bool? CheckpointHeld);

/// <summary>One unit's history, oldest first, with the quantity after each row as the trail gives it.</summary>
public sealed record UnitHistoryDto(int PlanId, UnitDto Unit, IReadOnlyList<string> Ancestors, int TrailQuantity, bool Reconciles, IReadOnlyList<UnitHistoryEntryDto> Items)
{
    internal static UnitHistoryDto From(UnitHistory history) => new(
        history.PlanId,
        UnitDto.From(history.Unit),
        history.Ancestors,
        history.TrailQuantity,
        history.Reconciles,
        [.. history.Rows.Select(r => new UnitHistoryEntryDto(
            r.Entry.Id, r.Entry.At, r.Entry.Actor, r.Entry.Action.ToString(), r.Entry.OldValue, r.Entry.NewValue, r.QuantityAfter, r.Continues,
            r.Entry.Reason, r.Entry.ChangeSetId, r.Entry.DocumentRef))]);
}

public sealed record UnitHistoryEntryDto(
    long Id, DateTimeOffset At, string Actor, string Action, int? Old, int? New, int QuantityAfter, bool Continues, string Reason, Guid ChangeSetId, string? DocumentRef);

/// <summary>The verdict as the API gives it, with its explanation in the caller's language.</summary>
internal static class AuditVerdicts
{
    public static AuditVerdictDto ToDto(AuditChainVerdict verdict) => new(
        verdict.Valid,
        verdict.Checked,
        verdict.FirstBrokenId,
        verdict.FirstBrokenSequence,
        AuditVerdictText.ApiCode(verdict.Problem),
        verdict.HeadHash,
        AuditVerdictText.Describe(verdict, System.Globalization.CultureInfo.CurrentUICulture),
        verdict.HeadSequence,
        verdict.Head,
        verdict.KeyedSealsChecked,
        verdict.CheckpointHeld);
}
