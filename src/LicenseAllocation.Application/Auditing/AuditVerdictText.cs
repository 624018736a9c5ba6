using System.Globalization;
using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The verdict of the integrity check in words, for the verification panel and the command line: how many rows were
/// checked and, when the chain is broken, which row and what is wrong with it (<c>Resources/AuditTexts.resx</c>, keys <c>Verdict_*</c>).
/// </summary>
public static class AuditVerdictText
{
    public static string Describe(AuditChainVerdict verdict, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(culture);
        if (verdict.Problem is { } problem && !Enum.IsDefined(problem))
        {
            throw new ArgumentOutOfRangeException(nameof(verdict), verdict.Problem, "Unknown problem.");
        }

        // {0} the rows checked, {1} the first broken row's id, {2} its place in the chain.
        var text = TextResources.Format(
            TextResources.AuditTexts,
            $"Verdict_{verdict.Problem?.ToString() ?? "Intact"}",
            culture,
            verdict.Checked,
            verdict.FirstBrokenId?.ToString(CultureInfo.InvariantCulture),
            verdict.FirstBrokenSequence ?? 0);
        if (verdict is { Checkpoint: { } checkpoint, CheckpointHeld: { } held } && verdict.Problem != AuditChainProblem.CheckpointLost)
        {
            text += " " + TextResources.Format(TextResources.AuditTexts, held ? "Checkpoint_Held" : "Checkpoint_Lost", culture, checkpoint.ToString());
        }

        return verdict.KeyedSealsChecked ? text : text + " " + TextResources.Format(TextResources.AuditTexts, "Seals_NotChecked", culture);
    }

    /// <summary>
    /// The problem as the API names it: <c>content-changed</c>, <c>chain-broken</c>, <c>tail-missing</c>,
    /// <c>seal-invalid</c>, <c>unknown-seal-key</c>, <c>checkpoint-lost</c>.
    /// </summary>
    public static string? ApiCode(AuditChainProblem? problem) => problem switch
    {
        AuditChainProblem.ContentChanged => "content-changed",
        AuditChainProblem.ChainBroken => "chain-broken",
        AuditChainProblem.TailMissing => "tail-missing",
        AuditChainProblem.SealInvalid => "seal-invalid",
        AuditChainProblem.UnknownSealKey => "unknown-seal-key",
        AuditChainProblem.CheckpointLost => "checkpoint-lost",
        _ => null,
    };
}
