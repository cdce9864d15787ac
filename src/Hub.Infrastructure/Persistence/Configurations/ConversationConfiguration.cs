using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("Conversations");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Content).HasJsonConversion().IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(c => c.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(c => c.BaselineConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PersonId, c.StartedAt });
        builder.HasIndex(c => new { c.SpellId, c.Kind, c.Status });
    }
}

internal sealed class ConversationVersionConfiguration : IEntityTypeConfiguration<ConversationVersion>
{
    public void Configure(EntityTypeBuilder<ConversationVersion> builder)
    {
        builder.ToTable("ConversationVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).HasJsonConversion().IsRequired();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(v => v.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ConversationId, v.Number }).IsUnique();
    }
}

internal sealed class OutcomeRecordConfiguration : IEntityTypeConfiguration<OutcomeRecord>
{
    public void Configure(EntityTypeBuilder<OutcomeRecord> builder)
    {
        builder.ToTable("OutcomeRecords");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.MeasureCode).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Ratings).HasJsonConversion().IsRequired();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(o => o.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.SpellId, o.MeasureCode, o.At });
        builder.HasIndex(o => o.ConversationId);
        // Figures for a period: follow-up measures taken in it.
        builder.HasIndex(o => new { o.At, o.IsBaseline });
    }
}
