import { BackupError, diskFullAsBackupError } from '../../../src/backup/backup-error';

describe('diskFullAsBackupError (unit)', () => {
  it.each(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])('says DISK_FULL, and where, for %s', (code) => {
    const error = diskFullAsBackupError(Object.assign(new Error('no space'), { code }), 'backups/today');
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ code: 'DISK_FULL', exitCode: 1, message: expect.stringContaining('The disk is full writing backups/today') });
  });

  it('leaves any other error as it was', () => {
    const other = Object.assign(new Error('I/O'), { code: 'SQLITE_IOERR' });
    expect(diskFullAsBackupError(other, 'backups/today')).toBe(other);
  });
});
