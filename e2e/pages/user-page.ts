import type { Page } from "@playwright/test";

/** A user's page: the person, their devices, licenses, and the retire dialog and progress. */
export class UserPage {
  constructor(private readonly page: Page) {}

  heading(displayName: string) {
    return this.page.getByRole("heading", { level: 1, name: displayName });
  }

  devicesTable() {
    return this.page.getByRole("table", {
      name: /^(The user's managed devices|Управляемые устройства пользователя)$/,
    });
  }

  deviceRow(deviceName: string) {
    return this.devicesTable().getByRole("row").filter({ hasText: deviceName });
  }

  noDevices() {
    return this.page.getByText(
      /has no devices managed by Intune|нет устройств под управлением Intune/,
    );
  }

  retireButton() {
    return this.page.getByRole("button", {
      name: /^(Retire all devices…|Вывести все устройства…)$/,
    });
  }

  revokeLicenseButtons() {
    return this.page.getByRole("button", {
      name: /^(Revoke the .* license…|Отозвать лицензию .*…)$/,
    });
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  dialogDevices() {
    return this.dialog()
      .getByRole("list", {
        name: /^(Devices that will be retired|Устройства, которые будут выведены)$/,
      })
      .getByRole("listitem");
  }

  confirmInput() {
    return this.dialog().getByLabel(
      /^(Type the user's UPN to confirm|Введите UPN пользователя для подтверждения)/,
    );
  }

  reasonInput() {
    return this.dialog().getByLabel(/^(Reason \(ticket number\)|Причина)/);
  }

  submitButton() {
    return this.dialog().getByRole("button", {
      name: /^(Retire \d+ devices?|Вывести \d+ устройств\S*)$/,
    });
  }

  progress() {
    return this.page.getByRole("region", {
      name: /^(Retire of all devices|Вывод всех устройств)$/,
    });
  }

  progressDevices() {
    return this.progress()
      .getByRole("list", { name: /^(Each device's retire|Вывод каждого устройства)$/ })
      .getByRole("listitem");
  }

  offboardButton() {
    return this.page.getByRole("button", { name: /^(Offboard…|Отключить сотрудника…)$/ });
  }

  revokeAllLicensesButton() {
    return this.page.getByRole("button", {
      name: /^(Revoke all of this user's licenses…|Отозвать все лицензии пользователя…)$/,
    });
  }

  /** The offboarding dialog's VPP licenses, one list item per app. */
  dialogLicenseApps() {
    return this.dialog()
      .getByRole("list", {
        name: /^(VPP licenses that will be revoked, by app|VPP-лицензии, которые будут отозваны, по приложениям)$/,
      })
      .getByRole("listitem");
  }

  offboardSubmitButton() {
    return this.dialog().getByRole("button", {
      name: /^(Offboard|Отключить|Revoke \d+ licenses?|Отозвать \d+ лиценз\S*)$/,
    });
  }

  /** Each device retire and license revoke of the offboarding the dialog sent, live. */
  offboardItems() {
    return this.dialog()
      .getByRole("list", {
        name: /^(Each device retire and license revoke|Вывод каждого устройства и отзыв каждой лицензии)$/,
      })
      .getByRole("listitem");
  }

  /** A device's checkbox in the devices table ("Select Hana's iPhone"). */
  deviceCheckbox(deviceName: string) {
    return this.devicesTable().getByRole("checkbox", {
      name: new RegExp(`^(Select|Выбрать) ${deviceName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    });
  }

  selectAllDevices() {
    return this.devicesTable().getByRole("checkbox", {
      name: /^(Select all devices|Выбрать все устройства)$/,
    });
  }

  retireSelectedButton() {
    return this.page.getByRole("button", {
      name: /^(Retire selected \(\d+\)…|Вывести выбранные \(\d+\)…)$/,
    });
  }

  /** Each selected device's retire, live, in the dialog (or on the page once it is closed). */
  retireSelectedItems(scope: "dialog" | "page" = "dialog") {
    return (scope === "dialog" ? this.dialog() : this.page)
      .getByRole("list", {
        name: /^(Each selected device's retire|Вывод каждого выбранного устройства)$/,
      })
      .getByRole("listitem");
  }

  retireSelectedPanel() {
    return this.page.getByRole("region", {
      name: /^(Retire selected devices of a user|Вывод выбранных устройств пользователя из управления)$/,
    });
  }
}
