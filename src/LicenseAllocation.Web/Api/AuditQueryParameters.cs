using System.Globalization;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Domain.Auditing;
using Microsoft.AspNetCore.Mvc;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// The trail's filters as a query string gives them, to the API's endpoints and to the trail page alike. Read as
/// text, so that a malformed value is explained with the name of its parameter rather than answered with a bare 400
/// (the API) or silently dropped (the page).
/// </summary>
public sealed record AuditQueryParameters(
    [property: FromQuery(Name = AuditQueryParameters.UnitIdName)] string? UnitId = null,
    [property: FromQuery(Name = AuditQueryParameters.FromName)] string? From = null,
    [property: FromQuery(Name = AuditQueryParameters.ToName)] string? To = null,
    [property: FromQuery(Name = AuditQueryParameters.UserNameName)] string? UserName = null,
    [property: FromQuery(Name = AuditQueryParameters.ActionName)] string? Action = null,
    [property: FromQuery(Name = AuditQueryParameters.ChangeSetIdName)] string? ChangeSetId = null,
    [property: FromQuery(Name = AuditQueryParameters.PageName)] string? Page = null)
{
    /// <summary>Only the trail page takes the plan from its query; the API has it in its route.</summary>
    public const string PlanIdName = "planId";
    public const string UnitIdName = "unitId";
    public const string FromName = "from";

    /// <summary>The first and last day a filter may name.</summary>
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);

    public static readonly DateOnly LatestDay = new(2999, 12, 31);

    public const string ToName = "to";
    public const string UserNameName = "userName";
    public const string ActionName = "action";
    public const string ChangeSetIdName = "changeSetId";
    public const string PageName = "page";

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// The filter and page these parameters ask for. Every parameter that is not understood is named in
    /// <see cref="AuditQuery.Problems"/> (in the order the API reports the first of them) and left out of the filter.
    /// </summary>
    public AuditQuery Parse(int? planId)
    {
        var problems = new List<AuditQueryProblem>();
        var unitId = Id(UnitId, UnitIdName, AuditQueryProblemKind.NotAUnitId, problems);
        var from = Day(From, FromName, problems);
        var to = Day(To, ToName, problems);
        if (from > to)
        {
            problems.Add(new AuditQueryProblem(FromName, AuditQueryProblemKind.FromAfterTo));
        }

        var action = AuditActionText.Parse(Action);
        if (!string.IsNullOrWhiteSpace(Action) && action is null)
        {
            problems.Add(new AuditQueryProblem(ActionName, AuditQueryProblemKind.NotAnAction));
        }

        Guid? changeSetId = null;
        if (!string.IsNullOrWhiteSpace(ChangeSetId))
        {
            if (Guid.TryParse(ChangeSetId, out var changeSet))
            {
                changeSetId = changeSet;
            }
            else
            {
                problems.Add(new AuditQueryProblem(ChangeSetIdName, AuditQueryProblemKind.NotAChangeSetId));
            }
        }

        var page = Id(Page, PageName, AuditQueryProblemKind.NotAPageNumber, problems);
        if (page < 1)
        {
            problems.Add(new AuditQueryProblem(PageName, AuditQueryProblemKind.NotAPageNumber));
            page = null;
        }

        var userName = string.IsNullOrWhiteSpace(UserName) ? null : UserName.Trim();
        return new AuditQuery(new AuditFilter(planId, unitId, from, to, userName, action, changeSetId), page ?? 1, problems);
    }

    /// <summary>The plan of the trail page's query; a problem when it is given and not a plan's id.</summary>
    public static AuditQueryProblem? ParsePlanId(string? text, out int? planId)
    {
        var problems = new List<AuditQueryProblem>();
        planId = Id(text, PlanIdName, AuditQueryProblemKind.NotAPlanId, problems);
        return problems.FirstOrDefault();
    }

    /// <summary>
    /// The parameters that give back <paramref name="filter"/> and <paramref name="page"/> (its plan excepted, which
    /// links put in their path or as <see cref="PlanIdName"/>); empty criteria and the first page are left out.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> Of(AuditFilter filter, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new Dictionary<string, string?>
        {
            [UnitIdName] = filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [FromName] = filter.From?.ToString(DayFormat, CultureInfo.InvariantCulture),
            [ToName] = filter.To?.ToString(DayFormat, CultureInfo.InvariantCulture),
            [UserNameName] = filter.UserName,
            [ActionName] = filter.Action?.ToString(),
            [ChangeSetIdName] = filter.ChangeSetId?.ToString("D"),
            [PageName] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return parameters.Where(p => p.Value is not null);
    }

    private static int? Id(string? text, string parameter, AuditQueryProblemKind kind, List<AuditQueryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        problems.Add(new AuditQueryProblem(parameter, kind));
        return null;
    }

    private static DateOnly? Day(string? text, string parameter, List<AuditQueryProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Days far outside the trail's life (0001-01-01, 9999-12-31) have no start or end in UTC: not a date to filter on.
        if (DateOnly.TryParseExact(text.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day >= EarliestDay && day <= LatestDay)
        {
            return day;
        }

        problems.Add(new AuditQueryProblem(parameter, AuditQueryProblemKind.NotADate));
        return null;
    }
}

/// <summary>What a trail's query string asks for, and what in it was not understood.</summary>
public sealed record AuditQuery(AuditFilter Filter, int Page, IReadOnlyList<AuditQueryProblem> Problems)
{
    public bool Understood => Problems.Count == 0;
}

public enum AuditQueryProblemKind
{
    NotAPlanId,
    NotAUnitId,
    NotADate,
    FromAfterTo,
    NotAnAction,
    NotAChangeSetId,
    NotAPageNumber,
}

/// <summary>A parameter of the trail's query string that is not understood, and why.</summary>
public sealed record AuditQueryProblem(string Parameter, AuditQueryProblemKind Kind)
{
    /// <summary>The sentence the API answers with and the trail page shows, naming the parameter.</summary>
    internal string Describe(Microsoft.Extensions.Localization.IStringLocalizer<Resources.Auditing> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Kind switch
        {
            AuditQueryProblemKind.NotAPlanId => text[nameof(Resources.Auditing.ParameterMustBePlanId), Parameter],
            AuditQueryProblemKind.NotAUnitId => text[nameof(Resources.Auditing.ParameterMustBeUnitId), Parameter],
            AuditQueryProblemKind.NotADate => text[nameof(Resources.Auditing.ParameterMustBeDate), Parameter],
            AuditQueryProblemKind.FromAfterTo => text[nameof(Resources.Auditing.FromAfterTo)],
            AuditQueryProblemKind.NotAnAction => text[nameof(Resources.Auditing.ParameterMustBeAction), Parameter, string.Join(", ", Enum.GetNames<AuditAction>())],
            AuditQueryProblemKind.NotAChangeSetId => text[nameof(Resources.Auditing.ParameterMustBeChangeSetId), Parameter],
            _ => text[nameof(Resources.Auditing.ParameterMustBePageNumber), Parameter],
        };
    }
}
