using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.ServiceRecords;

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> b)
    {
        b.ToTable("services_plans");
        b.HasKey(p => new { p.DistrictCode, p.Id });
        b.Property(p => p.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(p => p.Goals).HasMaxLength(2000);
        b.Property(p => p.Frequency).HasMaxLength(200);
        b.HasIndex(p => new { p.DistrictCode, p.CaseId }).IsUnique();
        b.HasOne<Referrals.RehabCase>().WithMany().HasForeignKey(p => new { p.DistrictCode, p.CaseId });
    }
}

internal sealed class ServiceSessionConfiguration : IEntityTypeConfiguration<ServiceSession>
{
    public void Configure(EntityTypeBuilder<ServiceSession> b)
    {
        b.ToTable("services_sessions");
        b.HasKey(s => new { s.DistrictCode, s.Id });
        b.Property(s => s.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.ProviderName).HasMaxLength(50);
        b.Property(s => s.Content).HasMaxLength(1000);
        b.Property(s => s.Quantity).HasPrecision(10, 2);
        b.Property(s => s.UnitPrice).HasPrecision(12, 2);
        b.Property(s => s.Amount).HasPrecision(12, 2);
        b.Property(s => s.DeviceCode).HasMaxLength(20);
        b.Property(s => s.SerialNumber).HasMaxLength(60);
        b.Property(s => s.RecordedBy).HasMaxLength(50);
        b.HasIndex(s => new { s.DistrictCode, s.CaseId, s.Date });
        // The service-rate report: "served in year Y" per person, within one district's index range.
        b.HasIndex(s => new { s.DistrictCode, s.PersonId, s.Date });
        b.HasOne<Referrals.RehabCase>().WithMany().HasForeignKey(s => new { s.DistrictCode, s.CaseId });
    }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        b.ToTable("services_settlements");
        b.HasKey(s => new { s.DistrictCode, s.Id });
        b.Property(s => s.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.Number).HasMaxLength(40);
        b.Property(s => s.Total).HasPrecision(12, 2);
        b.Property(s => s.SubsidyAmount).HasPrecision(12, 2);
        b.Property(s => s.OwnShare).HasPrecision(12, 2);
        b.Property(s => s.BalanceAfter).HasPrecision(12, 2);
        b.Property(s => s.UserName).HasMaxLength(50);
        b.HasIndex(s => new { s.DistrictCode, s.Number }).IsUnique();
        b.HasIndex(s => new { s.DistrictCode, s.CardItemId });
        b.HasOne<Subsidies.ServiceCardItem>().WithMany().HasForeignKey(s => new { s.DistrictCode, s.CardItemId });
    }
}
