using LicenseAllocation.Application.Auditing;
using Microsoft.AspNetCore.Mvc;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// The trail's filters as the query string gives them. Read as text, so that a malformed value is answered with the
/// code <c>invalid-filter</c> and the name of the parameter rather than a bare 400.
/// </summary>
public sealed record AuditQueryString(
    [property: FromQuery(Name = "unitId")] string? UnitId,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "userName")] string? UserName,
    [property: FromQuery(Name = "action")] string? Action,
    [property: FromQuery(Name = "changeSetId")] string? ChangeSetId,
    [property: FromQuery(Name = "page")] string? Page);

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
    string? DocumentRef)
{
    internal static AuditEntryDto From(AuditRow row) => new(
        row.Id, row.Sequence, row.PlanId, row.At, row.Actor, row.Action.ToString(), row.UnitId, row.UnitName,
        row.OldValue, row.NewValue, row.Reason, row.ChangeSetId, row.DocumentRef);
}

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int Total, int Page, int PageSize)
{
    internal static AuditPageDto From(AuditPage page) => new([.. page.Items.Select(AuditEntryDto.From)], page.Total, page.Page, page.PageSize);
}

/// <summary>
/// The integrity check: <c>firstBrokenId</c> is the first row that breaks the chain (null when valid, or when rows are
/// missing at the end); <c>problem</c> is <c>content-changed</c>, <c>chain-broken</c> or <c>tail-missing</c>.
/// </summary>
public sealed record AuditVerdictDto(bool Valid, long Checked, long? FirstBrokenId, long? FirstBrokenSequence, string? Problem, string HeadHash, string Message);

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

/// <summary>Turns the query string into a filter, or names the parameter that is not understood.</summary>
internal static class AuditQueryParsing
{
    public static bool TryParse(AuditQueryString query, int? planId, out AuditFilter filter, out int page, out IResult? problem)
    {
        filter = new AuditFilter(planId);
        page = 1;
        problem = null;
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(query.UnitId))
        {
            if (!int.TryParse(query.UnitId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var unit))
            {
                problem = Invalid("unitId", "là số hiệu của một đơn vị", "must be a unit's id");
                return false;
            }

            unitId = unit;
        }

        if (!TryDate(query.From, out var from) || !TryDate(query.To, out var to))
        {
            problem = Invalid(TryDate(query.From, out _) ? "to" : "from", "là một ngày dạng yyyy-MM-dd, ví dụ 2021-01-05", "must be a date as yyyy-MM-dd, e.g. 2021-01-05");
            return false;
        }

        if (from > to)
        {
            problem = ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-filter",
                "Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to).", "The start date (from) must not be after the end date (to).");
            return false;
        }

        var action = AuditActionText.Parse(query.Action);
        if (!string.IsNullOrWhiteSpace(query.Action) && action is null)
        {
            var names = string.Join(", ", Enum.GetNames<Domain.Auditing.AuditAction>());
            problem = Invalid("action", $"là một trong: {names}", $"must be one of {names}");
            return false;
        }

        Guid? changeSetId = null;
        if (!string.IsNullOrWhiteSpace(query.ChangeSetId))
        {
            if (!Guid.TryParse(query.ChangeSetId, out var changeSet))
            {
                problem = Invalid("changeSetId", "là mã đầy đủ của một lần thay đổi", "must be the full id of a change set");
                return false;
            }

            changeSetId = changeSet;
        }

        if (!string.IsNullOrWhiteSpace(query.Page)
            && (!int.TryParse(query.Page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1))
        {
            problem = Invalid("page", "là số trang, bắt đầu từ 1", "must be a page number from 1");
            return false;
        }

        filter = new AuditFilter(planId, unitId, from, to, string.IsNullOrWhiteSpace(query.UserName) ? null : query.UserName.Trim(), action, changeSetId);
        return true;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static IResult Invalid(string parameter, string vietnamese, string english) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-filter",
            $"Tham số {parameter} không hợp lệ: giá trị phải {vietnamese}.", $"The parameter {parameter} is not valid: it {english}.");
}

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
        AuditVerdictText.Describe(verdict, System.Globalization.CultureInfo.CurrentUICulture));
}
