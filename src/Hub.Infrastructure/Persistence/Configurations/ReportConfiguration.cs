using Hub.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.ToTable("ReportRuns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Neighbourhood).HasMaxLength(100);
        builder.Property(r => r.ScopeLabel).HasMaxLength(ReportRun.ScopeLabelMaxLength).IsRequired();
        builder.Property(r => r.FailureMessage).HasMaxLength(ReportRun.FailureMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The worker's queue, oldest first; the archive, newest first.
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => r.RequestedAt);
    }
}

internal sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> builder)
    {
        builder.ToTable("ReportFiles");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(60).IsRequired();
        builder.HasOne<ReportRun>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ReportId, f.Kind }).IsUnique();
    }
}
