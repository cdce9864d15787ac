using Hub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        // The triggers refuse edits and deletions (the sealer may only fill the seal columns, once).
        builder.ToTable("AuditEvents", t => t.HasTrigger("AuditEvents_AppendOnly"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Mac).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.RecordType).HasMaxLength(60);
        builder.Property(e => e.Screen).HasMaxLength(120);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.PersonId, e.At });
        builder.HasIndex(e => new { e.ActorUserId, e.At });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64).IsFixedLength();
        builder.Property(h => h.LeaseHolder).HasMaxLength(100);
        builder.HasData(new AuditChainHead());
    }
}
