using Hub.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Purpose).HasMaxLength(60).IsRequired();
        builder.Property(m => m.To).HasMaxLength(254).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(8000).IsRequired();
        builder.Property(m => m.ClaimedBy).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(200);
        builder.Property(m => m.Template).HasMaxLength(60);
        builder.Property(m => m.Personalisation).HasMaxLength(2000);
        builder.Property(m => m.ProviderId).HasMaxLength(60);
        builder.Property(m => m.Delivery).HasMaxLength(30);
        // The dispatcher's query: unsent, due, unclaimed.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.PersonId);
        builder.HasIndex(m => m.ProviderId);
    }
}
