namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// One unit's published decision over the level directly below it in a plan: the province's detailed allocation over
/// the districts' group, a district's decision over its agencies and communes. (The province's letter is the plan's own
/// publication, <see cref="AllocationPlan.Document"/>.) Its appendix is kept byte for byte with its SHA-256, as the
/// plan's is. An amendment of the level publishes a new version and supersedes this one; nothing is overwritten.
/// </summary>
public sealed class LevelDecision
{
    private LevelDecision()
    {
        DocumentNumber = string.Empty;
        Signer = string.Empty;
        IssuingBody = string.Empty;
        PublishedBy = string.Empty;
        AppendixSha256 = string.Empty;
        AppendixWorkbook = [];
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    /// <summary>The unit whose children's figures the decision fixes.</summary>
    public int IssuingUnitId { get; private set; }

    /// <summary>1 for the level's first decision; each amendment counts one more.</summary>
    public int Version { get; private set; }

    /// <summary>Published while in force, Superseded once an amendment of the level is published.</summary>
    public PlanStatus Status { get; private set; }

    public string DocumentNumber { get; private set; }

    public DateOnly DocumentDate { get; private set; }

    public string Signer { get; private set; }

    /// <summary>"Quyết định" for a People's Committee, "Công văn" for the Department's detailed allocation.</summary>
    public string DocumentKind { get; private set; } = "Quyết định";

    /// <summary>Who issues the document, as printed under it: "UBND Thành phố Cao Lãnh".</summary>
    public string IssuingBody { get; private set; }

    public DateTime PublishedAtUtc { get; private set; }

    public string PublishedBy { get; private set; }

    public byte[] AppendixWorkbook { get; private set; }

    public string AppendixSha256 { get; private set; }

    /// <summary>How an audit row names the decision: "Quyết định số 15/QĐ-UBND ngày 05/03/2021".</summary>
    public string Reference => ReferenceOf(DocumentKind, DocumentNumber, DocumentDate);

    /// <summary>The line under the decision's appendix title: "(Kèm theo Quyết định số … ngày … tháng … năm … của …)".</summary>
    public string AppendixReference => AppendixReferenceOf(DocumentKind, DocumentNumber, DocumentDate, IssuingBody);

    public static string ReferenceOf(string kind, string number, DateOnly date) =>
        $"{kind} số {number} ngày {date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string AppendixReferenceOf(string kind, string number, DateOnly date, string issuingBody) =>
        $"(Kèm theo {kind} số {number} {OfficialDocument.Issued(number, date, "-", issuingBody, issuingBody).DateText} của {issuingBody})";

    /// <summary>The same line while the decision is a draft: number and day left blank for the clerk, as on a draft letter.</summary>
    public static string DraftAppendixReferenceOf(string kind, int year, string issuingBody) =>
        $"(Kèm theo {kind} số        ngày      tháng      năm {year} của {issuingBody})";

    public static LevelDecision Publish(
        int planId, int issuingUnitId, int version, string kind, string number, DateOnly date, string signer, string issuingBody,
        string publishedBy, DateTime publishedAtUtc, byte[] appendixWorkbook)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(appendixWorkbook);
        return new LevelDecision
        {
            PlanId = planId,
            IssuingUnitId = issuingUnitId,
            Version = version,
            Status = PlanStatus.Published,
            DocumentKind = kind,
            DocumentNumber = number,
            DocumentDate = date,
            Signer = signer,
            IssuingBody = issuingBody,
            PublishedBy = publishedBy,
            PublishedAtUtc = publishedAtUtc,
            AppendixWorkbook = appendixWorkbook,
            AppendixSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(appendixWorkbook)),
        };
    }

    /// <summary>The same decision carried into an amendment of the whole plan: the district's document stays in force there.</summary>
    public LevelDecision CarriedInto(int planId) =>
        new()
        {
            PlanId = planId,
            IssuingUnitId = IssuingUnitId,
            Version = Version,
            Status = Status,
            DocumentKind = DocumentKind,
            DocumentNumber = DocumentNumber,
            DocumentDate = DocumentDate,
            Signer = Signer,
            IssuingBody = IssuingBody,
            PublishedBy = PublishedBy,
            PublishedAtUtc = PublishedAtUtc,
            AppendixWorkbook = AppendixWorkbook,
            AppendixSha256 = AppendixSha256,
        };
}
