import { CATEGORIES } from '../domain/scenario-content';
import {
  categoryFrom,
  depictsHarassment,
  difficultyFrom,
  isHarassmentMaterial,
  learnerIsManager,
  localeOf,
  parseRoleInfo,
} from './legacy-rules';

describe('legacy scenario rules', () => {
  it('reads Japanese and English difficulty words', () => {
    expect(difficultyFrom('初級')).toBe('beginner');
    expect(difficultyFrom(' 中級 ')).toBe('intermediate');
    expect(difficultyFrom('上級')).toBe('advanced');
    expect(difficultyFrom('Beginner')).toBe('beginner');
    expect(difficultyFrom('intermediate')).toBe('intermediate');
    expect(difficultyFrom('advanced')).toBe('advanced');
    expect(difficultyFrom('ふつう')).toBeUndefined();
  });

  it('splits role_info into the AI role and the learner role', () => {
    expect(parseRoleInfo('AIは上司役、あなたは新入社員')).toEqual({ aiRole: '上司', userRole: '新入社員' });
    expect(parseRoleInfo('AIは部下（小川さん、入社2年目）、あなたは係長として対応します')).toEqual({
      aiRole: '部下（小川さん、入社2年目）',
      userRole: '係長',
    });
    expect(parseRoleInfo("AI is the client's buyer, you are the account manager")).toEqual({
      aiRole: "client's buyer",
      userRole: 'account manager',
    });
    expect(parseRoleInfo('上司と部下')).toBeUndefined();
  });

  it('treats harassment categories, harassment list files and the original consent series as harassment material', () => {
    expect(isHarassmentMaterial({ fileName: 'x.yaml', id: 'x', category: 'harassment' })).toBe(true);
    expect(isHarassmentMaterial({ fileName: 'x.yaml', id: 'x', category: 'harassment_prevention' })).toBe(
      true,
    );
    expect(isHarassmentMaterial({ fileName: 'harassment_gray_zones.yaml', id: 'gray_zone_02' })).toBe(true);
    expect(isHarassmentMaterial({ fileName: 'scenario31.yaml', id: 'scenario31' })).toBe(true);
    expect(isHarassmentMaterial({ fileName: 'scenario43.yaml', id: 'scenario43' })).toBe(true);
    expect(isHarassmentMaterial({ fileName: 'scenario30.yaml', id: 'scenario30' })).toBe(false);
    expect(isHarassmentMaterial({ fileName: 'scenario44.yaml', id: 'scenario44' })).toBe(false);
  });

  it('asks consent for scenarios whose title or tags name a kind of harassment, and not for nervousness', () => {
    expect(depictsHarassment(['上司の叱責', 'パワハラ'])).toBe(true);
    expect(depictsHarassment(['ロジハラ'])).toBe(true);
    expect(depictsHarassment(['Handling sexual harassment reports'])).toBe(true);
    expect(depictsHarassment(['ハラハラする初めての商談', '雑談'])).toBe(false);
    expect(depictsHarassment(['サービス残業', 'ブラック企業'])).toBe(false);
  });

  it('maps words of tags, titles and roles to our categories, the first word that matches winning', () => {
    const category = (texts: string[], own?: string) => categoryFrom({ category: own, texts }, CATEGORIES);
    expect(category(['雑談', '商談前の準備'])).toBe('small-talk');
    expect(category(['商談', '信頼関係構築'])).toBe('customer');
    expect(category(['リモートワーク'])).toBe('remote-work');
    expect(category(['断り方・交渉術'])).toBe('conflict');
    expect(category(['報告・連絡・相談'])).toBe('reporting');
    expect(category(['会議の進め方'])).toBe('meetings');
    expect(category(['なにもない'])).toBe('reporting');
    expect(category(['雑談'], 'customer')).toBe('customer');
    expect(category(['雑談'], 'something_else')).toBe('small-talk');
  });

  it('detects the locale and whether the learner plays the manager', () => {
    expect(localeOf('会議の準備')).toBe('ja');
    expect(localeOf('Preparing a meeting')).toBe('en');
    expect(learnerIsManager('部下', '管理職')).toBe(true);
    expect(learnerIsManager('上司', '新入社員')).toBe(false);
    expect(learnerIsManager('部長', '課長')).toBe(false);
  });
});
