#!/bin/bash
# Khidma deb after-install. A custom deb.afterInstall REPLACES electron-builder's default script,
# so its default steps come first, verbatim from app-builder-lib/templates/linux/after-install.tpl
# (test/packaging/electron-builder.test.ts checks they still match the installed electron-builder).

# --- electron-builder default steps (begin) ---

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Check if user namespaces are supported by the kernel and working with a quick test:
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    # Use SUID chrome-sandbox only on systems without user namespaces:
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Install apparmor profile. (Ubuntu 24+)
# First check if the version of AppArmor running on the device supports our profile.
# This is in order to keep backwards compatibility with Ubuntu 22.04 which does not support abi/4.0.
# In that case, we just skip installing the profile since the app runs fine without it on 22.04.
#
# Those apparmor_parser flags are akin to performing a dry run of loading a profile.
# https://wiki.debian.org/AppArmor/HowToUse#Dumping_profiles
#
# Unfortunately, at the moment AppArmor doesn't have a good story for backwards compatibility.
# https://askubuntu.com/questions/1517272/writing-a-backwards-compatible-apparmor-profile
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"

    # Updating the current AppArmor profile is not possible and probably not meaningful in a chroot'ed environment.
    # Use cases are for example environments where images for clients are maintained.
    # There, AppArmor might correctly be installed, but live updating makes no sense.
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      # Extra flags taken from dh_apparmor:
      # > By using '-W -T' we ensure that any abstraction updates are also pulled in.
      # https://wiki.debian.org/AppArmor/Contribute/FirstTimeProfileImport
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi
# --- electron-builder default steps (end) ---

# --- Khidma ---
# The kiosk user: no login shell, in dialout for the serial ports (ID reader, printer, terminal).
if ! getent passwd khidma >/dev/null; then
  useradd --system --create-home --home-dir /var/lib/khidma --shell /usr/sbin/nologin khidma
fi
usermod -a -G dialout khidma
install -d -m 0700 -o khidma -g khidma /var/lib/khidma
install -d -m 0755 /etc/khidma

# Serial devices: group dialout only.
install -m 0644 '/opt/${sanitizedProductName}/resources/packaging/99-khidma-serial.rules' /etc/udev/rules.d/99-khidma-serial.rules
if hash udevadm 2>/dev/null; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty || true
fi

# Autostart: the kiosk screen on tty1, the Electron shell under cage (no desktop reachable).
install -m 0644 '/opt/${sanitizedProductName}/resources/packaging/khidma-electron-kiosk.service' /etc/systemd/system/khidma-kiosk.service
if hash systemctl 2>/dev/null; then
  systemctl daemon-reload || true
  systemctl enable khidma-kiosk.service || true
  systemctl set-default graphical.target || true
fi

# Self-update (README "Updates."): pkexec may run the helper for the kiosk user only. Root's alone,
# whatever modes the build machine's checkout gave the files.
chown root:root /usr/lib/khidma /usr/lib/khidma/khidma-install-update
chmod 0755 /usr/lib/khidma /usr/lib/khidma/khidma-install-update
chown root:root /usr/share/polkit-1/actions/org.khidma.kiosk.install-update.policy /usr/share/polkit-1/rules.d/50-khidma-update.rules
chmod 0644 /usr/share/polkit-1/actions/org.khidma.kiosk.install-update.policy /usr/share/polkit-1/rules.d/50-khidma-update.rules
# The helper installs only debs signed by the release key; the operator installs its public half.
if [ ! -f /etc/khidma/update-signing.pub.pem ]; then
  echo "Khidma: no /etc/khidma/update-signing.pub.pem yet: self-updates are refused until the release public key is installed there (root:root 0644, README \"Signing releases.\")."
fi
