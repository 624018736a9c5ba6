using System.Globalization;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Plans;

/// <summary>The official letter (công văn) that issues a plan, with its number and date as they are written.</summary>
public sealed record OfficialDocument
{
    /// <summary>The most characters of a letter's number and symbol ("125/STTTT-CNTT"), once trimmed.</summary>
    public const int MaxNumberLength = 64;

    /// <summary>The most characters of a name on the letter: its signer, its issuer and the body above the issuer.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The most characters of the signer's name and title (<see cref="MaxNameLength"/>).</summary>
    public const int MaxSignerLength = MaxNameLength;

    /// <summary>Null when the publishing letter's number is given and fits; otherwise <see cref="AllocationErrorCode.DocumentNumberRequired"/>.</summary>
    public static AllocationError? CheckNumber(string? number) =>
        Text.InputText.Check(number)
        ?? (Text.InputText.Normalize(number) is not { Length: > 0 and <= MaxNumberLength } ? AllocationError.DocumentNumberRequired() : null);

    /// <summary>Null when the publishing letter's date is given; otherwise <see cref="AllocationErrorCode.DocumentDateRequired"/>.</summary>
    public static AllocationError? CheckDate(DateOnly? date) => date is null ? AllocationError.DocumentDateRequired() : null;

    /// <summary>Null when the publishing letter's signer is given and fits; otherwise <see cref="AllocationErrorCode.SignerRequired"/>.</summary>
    public static AllocationError? CheckSigner(string? signer) =>
        Text.InputText.Check(signer)
        ?? (Text.InputText.Normalize(signer) is not { Length: > 0 and <= MaxSignerLength } ? AllocationError.SignerRequired() : null);

    public OfficialDocument(string? number, DateOnly? date, DatePrecision precision, string issuer, string issuerSuperior, string? signer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerSuperior);
        Number = string.IsNullOrWhiteSpace(number) ? null : Text.InputText.Normalize(number);
        Date = date;
        Precision = precision;
        Issuer = issuer.Trim();
        IssuerSuperior = issuerSuperior.Trim();
        Signer = string.IsNullOrWhiteSpace(signer) ? null : Text.InputText.Normalize(signer);
    }

    /// <summary>The number and symbol, for example "125/STTTT-CNTT"; "/STTTT-CNTT" while the number is not yet given.</summary>
    public string? Number { get; }

    public DateOnly? Date { get; }

    public DatePrecision Precision { get; }

    /// <summary>The issuing body, for example "Sở Thông tin và Truyền thông".</summary>
    public string Issuer { get; }

    /// <summary>The body above the issuer, written above its name in the letterhead, for example "UBND TỈNH ĐỒNG THÁP".</summary>
    public string IssuerSuperior { get; }

    /// <summary>Who signed the letter (for example "Phó Giám đốc Nguyễn Văn A"); null while it is a draft.</summary>
    public string? Signer { get; }

    /// <summary>
    /// The date as Decree 30/2020/NĐ-CP writes it: "ngày 05 tháng 02 năm 2021" (days below 10 and months below 3 take a leading zero),
    /// with a blank day when only the month is known.
    /// </summary>
    public string DateText
    {
        get
        {
            if (Date is not { } date)
            {
                return "ngày tháng năm";
            }

            var month = date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
            var day = Precision == DatePrecision.Day ? date.Day.ToString("00", CultureInfo.InvariantCulture) : string.Empty;
            return Precision == DatePrecision.Day
                ? $"ngày {day} tháng {month} năm {date.Year}"
                : $"ngày tháng {month} năm {date.Year}";
        }
    }

    /// <summary>The line under an appendix title: "(Kèm theo Công văn số … ngày … của …)".</summary>
    public string AppendixReference => $"(Kèm theo Công văn số {Number ?? string.Empty} {DateText} của {Issuer})";

    /// <summary>How an audit row names the letter: "Công văn số 125/STTTT-CNTT ngày 05/01/2021".</summary>
    public string Reference => Date is { } date && Precision == DatePrecision.Day
        ? $"Công văn số {Number} ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
        : $"Công văn số {Number} {DateText}";

    /// <summary>The letter that publishes a plan: number, the day it was signed, and its signer.</summary>
    public static OfficialDocument Issued(string number, DateOnly date, string signer, string issuer, string issuerSuperior)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(signer);
        return new OfficialDocument(number, date, DatePrecision.Day, issuer, issuerSuperior, signer);
    }

    /// <summary>The same issuer with the number, date and signer still to come, for a new draft.</summary>
    public OfficialDocument Unissued() => new(null, null, DatePrecision.Day, Issuer, IssuerSuperior);
}
