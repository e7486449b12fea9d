import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  Category,
  Character,
  Difficulty,
  Locale,
  RoleType,
  ScenarioSource,
  Visibility,
} from './domain/scenario-content';

/** A row of `scenarios`. Other modules refer to a scenario by its id only. */
@Entity({ name: 'scenarios' })
export class ScenarioEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) slug!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) difficulty!: Difficulty;
  @Column({ type: 'text' }) category!: Category;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'boolean' }) sensitive!: boolean;
  @Column({ type: 'text', name: 'role_type' }) roleType!: RoleType;
  @Column({ type: 'text', name: 'ai_role' }) aiRole!: string;
  @Column({ type: 'text', name: 'user_role' }) userRole!: string;
  @Column({ type: 'jsonb' }) character!: Character;
  @Column({ type: 'jsonb', name: 'learning_points' }) learningPoints!: string[];
  @Column({ type: 'jsonb', name: 'feedback_points' }) feedbackPoints!: string[];
  @Column({ type: 'text' }) visibility!: Visibility;
  /** The creating user's id; no foreign key, since users belong to the auth module. */
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column({ type: 'text' }) source!: ScenarioSource;
  /** Stable key of a library file or imported item (`builtin:<slug>`, `legacy:<file>#<id>`); null for user rows. */
  @Column({ type: 'text', name: 'source_key', nullable: true }) sourceKey!: string | null;
  /** Hash of the source content last applied, so unchanged files are skipped; API edits leave it alone. */
  @Column({ type: 'text', name: 'content_hash', nullable: true }) contentHash!: string | null;
  /** Soft delete: conversations started from a scenario keep their snapshot and keep working. */
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}
