<?xml version="1.0"?>
<!-- hyperv-kvm-hidden-syntax: move KVM features written as attributes of
     <kvm> (<kvm hidden='yes'/>) into the child elements libvirt reads
     (<kvm><hidden state='on'/></kvm>).  Each attribute naming a known feature
     (hidden, hint-dedicated, poll-control, pv-ipi, dirty-ring) with a boolean
     value (yes/no, on/off, true/false, 1/0) is removed; a child with its
     state is added unless <kvm> already has that child, which then wins, as
     it does for libvirt.  The rule offers the fix only when every attribute
     is of that kind.  New children go after the existing ones.
     Parameters: targets, the vl:id of the <kvm>. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:variable name="known" select="' hidden hint-dedicated poll-control pv-ipi dirty-ring '"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features/kvm">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:variable name="kvm" select="."/>
        <xsl:copy>
          <xsl:apply-templates select="@*[namespace-uri() != '' or not(contains($known, concat(' ', local-name(), ' ')))]"/>
          <xsl:apply-templates select="node()"/>
          <xsl:for-each select="@*[namespace-uri() = '' and contains($known, concat(' ', local-name(), ' '))]">
            <xsl:variable name="v" select="translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
            <xsl:if test="not($kvm/*[local-name() = local-name(current())])">
              <xsl:element name="{local-name()}">
                <xsl:attribute name="state">
                  <xsl:choose>
                    <xsl:when test="$v = 'yes' or $v = 'on' or $v = 'true' or $v = '1'">on</xsl:when>
                    <xsl:otherwise>off</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
              </xsl:element>
            </xsl:if>
          </xsl:for-each>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
