using LicenseAllocation.Application.Transfers;

namespace LicenseAllocation.Web.Api;

/// <summary>A move of <c>quantity</c> licences from <c>fromUnitId</c> to <c>toUnitId</c>, with its reason.</summary>
public sealed record TransferBody(int FromUnitId, int ToUnitId, int Quantity, string? Reason);

/// <summary>Licences a unit gives back to its parent, with the reason.</summary>
public sealed record ReturnBody(int Quantity, string? Reason);

/// <summary>Both units after the move, and the change set of its audit rows.</summary>
public sealed record TransferDto(UnitDto From, UnitDto To, Guid ChangeSetId)
{
    internal static TransferDto Of(TransferResult result) => new(UnitDto.From(result.From), UnitDto.From(result.To), result.ChangeSetId);
}
